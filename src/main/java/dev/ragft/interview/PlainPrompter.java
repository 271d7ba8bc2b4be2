package dev.ragft.interview;

import dev.ragft.framework.Choice;
import dev.ragft.framework.Question;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The interview without a terminal (stdin piped, CI, TERM=dumb): numbered prompts on stderr and
 * one answer per line of input, in the framework's question order. A wrong answer is reported
 * and the same question is asked again from the next line. Nothing else is ever read — no
 * review, no offer to save — so a script's lines map one to one onto the questions.
 */
public final class PlainPrompter implements Prompter {
  private final BufferedReader in;
  private final PrintWriter err;
  private final String inputName;
  private final AnswerParser parser;
  private int line;

  /** {@code inputName} names the input in messages ("stdin"); prompts and problems go to {@code err}. */
  public PlainPrompter(BufferedReader in, PrintWriter err, String inputName, AnswerParser parser) {
    this.in = in;
    this.err = err;
    this.inputName = inputName;
    this.parser = parser;
  }

  @Override
  public Reply ask(Ask ask) {
    Question q = ask.question();
    prompt(ask);
    while (true) {
      String typed = readLine();
      if (typed == null) {
        return new EndOfInput();
      }
      if (typed.strip().equals("?")) {
        help(q);
        continue;
      }
      AnswerParser.Parsed p = parser.parse(q, typed);
      if (p instanceof AnswerParser.Ok ok) {
        return new Answered(ok.answer());
      }
      if (p instanceof AnswerParser.Skip) {
        return new Skipped();
      }
      err.print("ragft: " + inputName + ":" + line + ": " + ((AnswerParser.Invalid) p).message() + "\n");
      err.print(place(ask) + " " + q.label() + ": answer again on the next line\n");
      err.flush();
    }
  }

  /** Scripts get no review: the answers are confirmed as given. */
  @Override
  public ReviewReply review(Review review) {
    return new Confirm();
  }

  /** Scripts are never asked anything beyond the questions: saving is --save's job. */
  @Override
  public SaveReply offerSave(String suggested, Predicate<String> exists) {
    return new Declined();
  }

  private void prompt(Ask ask) {
    Question q = ask.question();
    StringBuilder b = new StringBuilder();
    b.append(place(ask)).append(' ').append(q.label()).append(": ").append(q.prompt()).append('\n');
    if (q instanceof Question.ChoiceQuestion cq) {
      List<Choice> choices = cq.choices();
      int width = choices.stream().mapToInt(c -> c.id().length()).max().orElse(0);
      for (int i = 0; i < choices.size(); i++) {
        Choice c = choices.get(i);
        b.append(String.format(Locale.ROOT, "  %d  %-" + width + "s  %s", i + 1, c.id(), c.label())).append('\n');
      }
      b.append("  answer with a number or an id; ? for help\n");
    } else {
      b.append("  a whole number (12000, 12,000 or 12k)")
          .append(q.required() ? "" : "; an empty line skips it").append("; ? for help\n");
    }
    err.print(b);
    err.flush();
  }

  /** "[2/5]" among the required questions; "[optional]" for the others, which are not counted. */
  private static String place(Ask ask) {
    return ask.number() == 0 ? "[optional]" : "[" + ask.number() + "/" + ask.total() + "]";
  }

  private void help(Question q) {
    StringBuilder b = new StringBuilder();
    b.append(q.label()).append(": ").append(q.help()).append('\n');
    if (q instanceof Question.ChoiceQuestion cq) {
      for (Choice c : cq.choices()) {
        b.append("  ").append(c.id()).append(": ").append(c.help()).append('\n');
      }
    }
    err.print(b);
    err.flush();
  }

  private String readLine() {
    try {
      String s = in.readLine();
      if (s != null) {
        line++;
      }
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
