package dev.ragft.cli;

import dev.ragft.decision.Answers;
import dev.ragft.advice.Advisor;
import dev.ragft.framework.Framework;
import dev.ragft.framework.Question;
import dev.ragft.input.BadInputException;
import dev.ragft.input.Location;
import dev.ragft.input.YamlTree;
import dev.ragft.interview.AnswerParser;
import dev.ragft.interview.Conductor;
import dev.ragft.interview.Interview;
import dev.ragft.interview.Prompter;
import dev.ragft.interview.UseCaseFile;
import dev.ragft.report.Options;
import dev.ragft.report.Recommendation;
import dev.ragft.report.RecommendationFormat;
import dev.ragft.usecase.UseCase;
import dev.ragft.usecase.UseCaseReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One interview from start to end, over any {@link Prompter}: the questions, then the
 * recommendation rendered as {@code recommend} renders it, then saving the answers; or, when the
 * user stops half-way, a draft of every answer given so far. The command picks the prompter;
 * tests drive this class with jline's test terminal.
 */
final class InterviewRun {
  /** Exit code of an interview the user stopped with Ctrl-C or Ctrl-D (as a shell reports SIGINT). */
  static final int INTERRUPTED = 130;

  /** Writes a result to a path relative to the working folder, or to stdout when the path is empty. */
  interface Output {
    void write(Optional<String> path, String content);
  }

  /**
   * What the command line settled: the framework (and how it was named, for the resume hint),
   * where the interview starts, where the report and answers go, and how to render.
   */
  record Settings(
      Framework framework,
      Optional<String> frameworkArgument,
      UseCaseFile.Draft start,
      Optional<String> resumedFrom,
      Optional<String> save,
      Optional<String> out,
      RecommendationFormat format,
      Options reportOptions,
      String inputName,
      Advisor advisor) {
    Settings {
      Objects.requireNonNull(framework, "framework");
      Objects.requireNonNull(frameworkArgument, "frameworkArgument");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(resumedFrom, "resumedFrom");
      Objects.requireNonNull(save, "save");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(reportOptions, "reportOptions");
      Objects.requireNonNull(inputName, "inputName");
    }
  }

  private final Env env;
  private final Output output;
  /** The last state reached, for a draft when the process is stopped from outside. */
  private final AtomicReference<Interview> progress = new AtomicReference<>();
  /** Set once the interview has ended one way or another: from then on a signal saves nothing more. */
  private final AtomicBoolean settled = new AtomicBoolean();

  InterviewRun(Env env, Output output) {
    this.env = env;
    this.output = output;
  }

  /** A parser of typed answers for {@code framework}, shared by every prompter. */
  static AnswerParser parser(Framework framework) {
    return new AnswerParser(new dev.ragft.usecase.AnswerReader(framework));
  }

  int run(Settings s, Prompter prompter) {
    List<Question> questions = s.framework().questions();
    Interview start = s.resumedFrom().isPresent()
        ? Interview.resume(questions, s.start().answers())
        : Interview.start(questions);
    s.resumedFrom().ifPresent(from -> resuming(from, start));
    Conductor.Outcome outcome = Conductor.run(start, prompter, progress::set);
    if (!settled.compareAndSet(false, true)) {
      return INTERRUPTED; // a signal came first and has saved the draft
    }
    if (outcome instanceof Conductor.Stopped stopped) {
      return stop(s, stopped.state().answers());
    }
    if (outcome instanceof Conductor.EndedEarly early) {
      Question q = early.unanswered();
      throw new BadInputException(Location.ofFile(s.inputName()), "end of input before an answer to '" + q.id()
          + "' (" + q.prompt() + "); expected " + AnswerParser.expected(q));
    }
    Answers answers = ((Conductor.Completed) outcome).answers();
    report(s, answers);
    return save(s, answers, prompter);
  }

  private void report(Settings s, Answers answers) {
    UseCaseFile.Draft d = s.start();
    // The same service and renderers, with the same options, as 'ragft recommend FILE'.
    Recommendation r = s.advisor().advise(new UseCase(d.id(), d.name(), d.description(), answers, Location.ofFile(s.inputName())));
    output.write(s.out(), s.format().render(r, s.reportOptions()));
  }

  private int save(Settings s, Answers answers, Prompter prompter) {
    String path;
    if (s.save().isPresent()) {
      path = s.save().get();
    } else {
      Prompter.SaveReply reply = prompter.offerSave(suggestedPath(s), p -> Files.exists(env.resolve(p)));
      if (reply instanceof Prompter.Interrupted) {
        return stop(s, answers);
      }
      if (!(reply instanceof Prompter.SaveTo to)) {
        return ExitCode.OK;
      }
      path = to.path();
    }
    String yaml = useCaseYaml(s, answers, path);
    output.write(Optional.of(path), yaml);
    if (s.save().isEmpty()) {
      env.err().print("ragft: see it again with: ragft recommend " + path + frameworkFlag(s) + "\n");
      env.err().flush();
    }
    return ExitCode.OK;
  }

  /** The answers as a use case, checked to read back as the same answers before it is written. */
  private String useCaseYaml(Settings s, Answers answers, String path) {
    UseCaseFile.Draft d = s.start();
    UseCaseFile.Draft done = new UseCaseFile.Draft(d.id(), d.name(), d.description(), answers);
    List<String> comments = s.frameworkArgument().isPresent()
        ? List.of("Answers from 'ragft interview'; read with --framework " + s.frameworkArgument().get() + ".")
        : List.of();
    String yaml = UseCaseFile.render(done, s.framework(), comments);
    UseCaseReader.Result back = new UseCaseReader(s.framework()).read(YamlTree.parse(yaml, path));
    if (!back.problems().isEmpty() || !back.useCases().get(0).answers().equals(answers)) {
      throw new IllegalStateException("the saved use case does not read back as given: " + back.problems());
    }
    return yaml;
  }

  /** Says what a resumed interview starts from, so that the earlier answers are in view. */
  private void resuming(String from, Interview start) {
    List<String> given = new java.util.ArrayList<>();
    for (Question q : start.questions()) {
      start.answer(q).ifPresent(a -> given.add(q.id() + " " + a.value()));
    }
    env.err().print("ragft: resuming from " + from + ": " + given.size() + " of " + start.total() + " answered"
        + (given.isEmpty() ? "" : " (" + String.join(", ", given) + ")") + "\n");
    env.err().flush();
  }

  /**
   * The process is being stopped from outside while the interview runs (SIGINT in the plain form,
   * SIGTERM, a closed terminal): saves the draft as Ctrl-C would. Called from a shutdown hook;
   * does nothing once the interview has ended.
   */
  void stoppedFromOutside(Settings s) {
    Interview latest = progress.get();
    if (latest != null && settled.compareAndSet(false, true)) {
      env.err().print("\n");
      stop(s, latest.answers());
    }
  }

  /** Ctrl-C or Ctrl-D: every answer given so far goes to a draft, and the way back in is printed. */
  private int stop(Settings s, Answers answers) {
    int total = s.framework().questions().size();
    if (answers.values().isEmpty()) {
      env.err().print("ragft: interview stopped before the first answer; nothing to save\n");
      env.err().flush();
      return INTERRUPTED;
    }
    String path = draftPath(s);
    UseCaseFile.Draft d = s.start();
    String resume = "ragft interview --resume " + path + frameworkFlag(s);
    String yaml = UseCaseFile.render(new UseCaseFile.Draft(d.id(), d.name(), d.description(), answers), s.framework(),
        List.of("Draft of 'ragft interview': " + answers.values().size() + " of " + total + " questions answered.",
            "Continue with: " + resume));
    output.write(Optional.of(path), yaml);
    env.err().print("ragft: interview stopped with " + answers.values().size() + " of " + total
        + " questions answered; continue with:\n  " + resume + "\n");
    env.err().flush();
    return INTERRUPTED;
  }

  /**
   * Where a draft goes: back into the draft the interview resumed from, else {@code ID.draft.yaml}
   * in the working folder, numbered ({@code ID-2.draft.yaml}, ...) rather than replacing another
   * draft.
   */
  private String draftPath(Settings s) {
    if (s.resumedFrom().isPresent() && s.resumedFrom().get().endsWith(".draft.yaml")) {
      return s.resumedFrom().get();
    }
    String id = s.start().id();
    String path = id + ".draft.yaml";
    for (int i = 2; Files.exists(env.resolve(path)); i++) {
      path = id + "-" + i + ".draft.yaml";
    }
    return path;
  }

  /** Back into the use-case file the interview resumed from; {@code ID.yaml} otherwise. */
  private static String suggestedPath(Settings s) {
    return s.resumedFrom().filter(p -> !p.endsWith(".draft.yaml")).orElse(s.start().id() + ".yaml");
  }

  private static String frameworkFlag(Settings s) {
    return s.frameworkArgument().map(f -> " --framework " + f).orElse("");
  }
}
