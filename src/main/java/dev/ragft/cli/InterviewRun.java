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
      Advisor advisor,
      boolean askName) {
    /** Settings of an interview that does not ask for the use case's name (it was given, or resumed). */
    Settings(Framework framework, Optional<String> frameworkArgument, UseCaseFile.Draft start,
        Optional<String> resumedFrom, Optional<String> save, Optional<String> out, RecommendationFormat format,
        Options reportOptions, String inputName, Advisor advisor) {
      this(framework, frameworkArgument, start, resumedFrom, save, out, format, reportOptions, inputName, advisor, false);
    }

    /** The same interview, starting from {@code draft} read from {@code path}. */
    Settings resumingFrom(String path, UseCaseFile.Draft draft) {
      return new Settings(framework, frameworkArgument, draft, Optional.of(path), save, out, format, reportOptions,
          inputName, advisor, false);
    }

    /** The same interview for the use case named {@code draft}. */
    Settings named(UseCaseFile.Draft draft) {
      return new Settings(framework, frameworkArgument, draft, resumedFrom, save, out, format, reportOptions, inputName,
          advisor, false);
    }

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

  int run(Settings given, Prompter prompter) {
    Settings s = given;
    if (s.resumedFrom().isEmpty()) {
      List<Prompter.DraftOffer> drafts = draftsHere(s.framework());
      Prompter.ResumeReply reply = drafts.isEmpty() ? new Prompter.StartAfresh() : prompter.offerResume(drafts);
      if (reply instanceof Prompter.Interrupted) {
        return nothingToSave();
      }
      if (reply instanceof Prompter.ResumeFrom from) {
        s = s.resumingFrom(from.path(), UseCaseFile.readPartial(env.resolve(from.path()), from.path(), s.framework()));
      }
    }
    if (s.askName()) {
      Prompter.NameReply reply = prompter.askName(s.start().name());
      if (reply instanceof Prompter.Interrupted) {
        return nothingToSave();
      }
      if (reply instanceof Prompter.Named n) {
        UseCaseFile.Draft d = s.start();
        s = s.named(new UseCaseFile.Draft(idOf(n.name()).orElse(d.id()), n.name(), d.description(), d.answers(),
            d.skipped()));
      }
    }
    List<Question> questions = dev.ragft.interview.FollowUps.questions(s.framework());
    Interview start = s.resumedFrom().isPresent()
        ? Interview.resume(questions, s.start().answers(), java.util.Set.copyOf(s.start().skipped()))
        : Interview.start(questions);
    Settings settings = s;
    settingsInUse.set(settings);
    s.resumedFrom().ifPresent(from -> resuming(from, start, settings));
    Conductor.Outcome outcome = Conductor.run(start, prompter, progress::set);
    if (!settled.compareAndSet(false, true)) {
      return INTERRUPTED; // a signal came first and has saved the draft
    }
    if (outcome instanceof Conductor.Stopped stopped) {
      return stop(s, stopped.state());
    }
    if (outcome instanceof Conductor.EndedEarly early) {
      Question q = early.unanswered();
      // The input ended (a script ran out, or Ctrl-D in the plain form): the answers so far still go to a draft.
      if (!early.state().answers().values().isEmpty()) {
        stop(s, early.state());
      }
      throw new BadInputException(Location.ofFile(s.inputName()), "end of input before an answer to '" + q.id()
          + "' (" + q.prompt() + "); expected " + AnswerParser.expected(q));
    }
    Answers answers = ((Conductor.Completed) outcome).answers();
    report(s, answers);
    return save(s, answers, prompter);
  }

  /** The settings the interview runs with, once the name and the draft are settled: what a signal's draft uses. */
  private final AtomicReference<Settings> settingsInUse = new AtomicReference<>();

  private int nothingToSave() {
    settled.set(true);
    env.err().print("ragft: interview stopped before the first answer; nothing to save\n");
    env.err().flush();
    return INTERRUPTED;
  }

  /** An id made from a name: "SLA answers (EU)" is sla-answers-eu; empty when nothing of the name fits an id. */
  static Optional<String> idOf(String name) {
    String id = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return id.isEmpty() || !UseCaseFile.ID.matcher(id).matches() ? Optional.empty() : Optional.of(id);
  }

  /** The drafts in the working folder that read as drafts of this framework, with how far each got. */
  private List<Prompter.DraftOffer> draftsHere(Framework f) {
    List<Prompter.DraftOffer> out = new java.util.ArrayList<>();
    java.nio.file.Path here = env.resolve(".");
    List<java.nio.file.Path> files;
    try (java.util.stream.Stream<java.nio.file.Path> list = Files.list(here)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".draft.yaml") && Files.isRegularFile(p)).sorted()
          .toList();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return out; // a folder that cannot be listed has no drafts to offer
    }
    int required = (int) f.questions().stream().filter(Question::required).count();
    for (java.nio.file.Path p : files) {
      String name = p.getFileName().toString();
      try {
        UseCaseFile.Draft d = UseCaseFile.readPartial(p, name, f);
        int answered = (int) f.questions().stream().filter(q -> q.required() && d.answers().get(q.id()).isPresent()).count();
        out.add(new Prompter.DraftOffer(name, d.name(), answered, required));
      } catch (BadInputException | java.io.UncheckedIOException notOurs) {
        // a draft of another framework, not a draft at all, or one that cannot be read: not offered
      }
    }
    return out;
  }

  private void report(Settings s, Answers answers) {
    UseCaseFile.Draft d = s.start();
    // The same service and renderers, with the same options, as 'ragft recommend FILE'.
    Recommendation r = s.advisor().advise(new UseCase(d.id(), d.name(), d.description(),
        dev.ragft.interview.FollowUps.answers(answers), dev.ragft.interview.FollowUps.budget(answers), Optional.empty(),
        Location.ofFile(s.inputName())));
    output.write(s.out(), s.format().render(r, s.reportOptions()));
  }

  private int save(Settings s, Answers answers, Prompter prompter) {
    String path;
    if (s.save().isPresent()) {
      path = s.save().get();
    } else {
      Prompter.SaveReply reply = prompter.offerSave(suggestedPath(s), p -> Files.exists(env.resolve(p)));
      if (reply instanceof Prompter.Interrupted) {
        Interview last = progress.get(); // the confirmed state: it knows which questions were skipped
        return stop(s, last != null ? last : Interview.resume(dev.ragft.interview.FollowUps.questions(s.framework()), answers));
      }
      if (!(reply instanceof Prompter.SaveTo to)) {
        return ExitCode.OK;
      }
      path = to.path();
    }
    String yaml = useCaseYaml(s, answers, path);
    try {
      output.write(Optional.of(path), yaml);
    } catch (BadInputException | java.io.UncheckedIOException failed) {
      return savedElsewhere(s, answers, path, failed);
    }
    if (s.save().isEmpty()) {
      env.err().print("ragft: see it again with: ragft recommend " + path + frameworkFlag(s) + "\n");
      env.err().flush();
    }
    return ExitCode.OK;
  }

  /**
   * Saving to {@code path} failed (a folder, no permission, a full disk): the answers go to a
   * draft in the working folder, or else in the temporary folder, and the user is told where.
   * Exits 2: what was asked for did not happen.
   */
  private int savedElsewhere(Settings s, Answers answers, String path, RuntimeException failed) {
    UseCaseFile.Draft d = s.start();
    String why = failed.getMessage() == null ? failed.toString() : failed.getMessage();
    String yaml = UseCaseFile.render(new UseCaseFile.Draft(d.id(), d.name(), d.description(), answers), s.framework(),
        List.of("Answers of 'ragft interview', saved here because " + path + " could not be written."));
    List<String> places = List.of(draftPath(s), java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))
        .resolve(draftPath(s)).toString());
    for (String place : places) {
      try {
        output.write(Optional.of(place), yaml);
        env.err().print("ragft: cannot save to " + path + " (" + why + "); the answers are in " + place
            + " instead; see them again with: ragft recommend " + place + frameworkFlag(s) + "\n");
        env.err().flush();
        return ExitCode.BAD_INPUT;
      } catch (BadInputException | java.io.UncheckedIOException next) {
        // try the next place
      }
    }
    throw failed;
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
    if (!back.problems().isEmpty() || !back.useCases().get(0).answers().equals(dev.ragft.interview.FollowUps.answers(answers))
        || !back.useCases().get(0).latencyBudgetMs().equals(dev.ragft.interview.FollowUps.budget(answers))) {
      throw new IllegalStateException("the saved use case does not read back as given: " + back.problems());
    }
    return yaml;
  }

  /**
   * Says what a resumed interview starts from, so that the earlier answers are in view: the
   * answers wrapped at 80 columns under the first line, not one line as long as they are.
   */
  private void resuming(String from, Interview start, Settings s) {
    List<String> given = new java.util.ArrayList<>();
    for (Question q : start.questions()) {
      start.answer(q).ifPresent(a -> given.add(q.id() + " " + a.value()));
    }
    start.skipped().forEach(id -> given.add(id + " skipped"));
    StringBuilder b = new StringBuilder("ragft: resuming from " + from + ": " + answeredText(s.framework(), start.answers())
        + " answered\n");
    for (String line : HelpLayout.wrap(String.join(", ", given), 76, 76)) {
      b.append("  ").append(line).append('\n');
    }
    env.err().print(b);
    env.err().flush();
  }

  /** "2 of 5", counting the required questions only (the optional ones are extra), as the screens do. */
  private static String answeredText(Framework f, Answers answers) {
    long required = f.questions().stream().filter(Question::required).count();
    long answered = f.questions().stream().filter(q -> q.required() && answers.get(q.id()).isPresent()).count();
    return answered + " of " + required;
  }

  /**
   * The process is being stopped from outside while the interview runs (SIGINT in the plain form,
   * SIGTERM, a closed terminal): saves the draft as Ctrl-C would. Called from a shutdown hook;
   * does nothing once the interview has ended.
   */
  void stoppedFromOutside(Settings given) {
    Interview latest = progress.get();
    if (latest != null && settled.compareAndSet(false, true)) {
      env.err().print("\n");
      Settings s = settingsInUse.get();
      stop(s == null ? given : s, latest);
    }
  }

  /** Ctrl-C or Ctrl-D: every answer given so far goes to a draft, and the way back in is printed. */
  private int stop(Settings s, Interview state) {
    Answers answers = state.answers();
    if (answers.values().isEmpty()) {
      env.err().print("ragft: interview stopped before the first answer; nothing to save\n");
      env.err().flush();
      return INTERRUPTED;
    }
    String path = draftPath(s);
    UseCaseFile.Draft d = s.start();
    String resume = "ragft interview --resume " + path + frameworkFlag(s);
    String answered = answeredText(s.framework(), answers);
    String yaml = UseCaseFile.render(new UseCaseFile.Draft(d.id(), d.name(), d.description(), answers, state.skipped()),
        s.framework(), List.of("Draft of 'ragft interview': " + answered + " questions answered.",
            "Continue with: " + resume));
    output.write(Optional.of(path), yaml);
    env.err().print("ragft: interview stopped with " + answered
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
