package dev.ragft.bench.run;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.dataset.TrainExample;
import dev.ragft.bench.llm.AnswerService;
import dev.ragft.bench.llm.Citations;
import dev.ragft.bench.llm.Generator;
import dev.ragft.bench.llm.LabelReply;
import dev.ragft.bench.llm.Reply;
import dev.ragft.bench.retrieval.Retriever;
import dev.ragft.bench.retrieval.VoteClassifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The approaches against a real model behind an OpenAI-compatible endpoint. Retrieval is the same
 * as offline; the model calls run concurrently, bounded by the client. The indexes are immutable
 * Lucene searchers, safe to search from several threads; lookups through {@link Models} still take
 * its lock, because Models builds what is asked for lazily.
 */
final class OnlineApproach {
  private static final int NOTE_CHARS = 120;

  private OnlineApproach() {}

  /** The top-k passages and the question to the generator, which must cite; labels from a constrained prompt. */
  record Rag(Models m, Generator g) implements Approach {
    @Override
    public ApproachId id() {
      return ApproachId.RAG;
    }

    @Override
    public CaseResult.Output run(EvalCase c) {
      if (c.task() == Task.CLASSIFICATION) {
        return label(g, c, labelValues(m, c, true), m.labels());
      }
      return grounded(m, g, c);
    }
  }

  /** The user's fine-tuned model, given the question alone. */
  record FineTune(Models m, Generator g) implements Approach {
    @Override
    public ApproachId id() {
      return ApproachId.FINE_TUNE;
    }

    @Override
    public CaseResult.Output run(EvalCase c) {
      if (c.task() == Task.CLASSIFICATION) {
        return label(g, c, labelValues(m, c, false), m.labels());
      }
      Reply r = g.answer(Map.of("question", c.input()));
      return new CaseResult.Output(r.content().strip(), "", List.of(), false, r.promptTokens(), r.completionTokens(),
          "", r.modelMicros(), r.waitedMicros());
    }
  }

  /**
   * The team's own system behind an endpoint of its own: their RAG service ({@code rag.endpoint})
   * or a fine-tuned model served outside chat completions ({@code fine-tune.endpoint}). Questions
   * are scored on its answer and the documents it cites; its retrieved documents, when it says
   * which, are what the retrieval metrics judge, else its cited documents. Labels are read from
   * its answer as strictly as from a chat model's.
   */
  record Service(Models m, ApproachId id, AnswerService s) implements Approach {
    @Override
    public CaseResult.Output run(EvalCase c) {
      AnswerService.Answer a = s.ask(c.input(), m.settings().topK());
      if (c.task() == Task.CLASSIFICATION) {
        Optional<String> label = LabelReply.parse(a.text(), m.labels());
        String note = label.isPresent() ? "" : BenchService.UNPARSEABLE + ": " + clip(a.text());
        return new CaseResult.Output(label.orElse(""), "", List.of(), false, -1, -1, note, a.micros(), a.micros());
      }
      boolean grounded = id == ApproachId.RAG || !a.cited().isEmpty();
      List<String> ranked = a.retrieved().isEmpty() ? a.cited() : a.retrieved();
      String note = grounded && a.cited().isEmpty() ? "no cited document in the reply" : "";
      return new CaseResult.Output(a.text(), a.cited().isEmpty() ? "" : a.cited().get(0),
          ranked.subList(0, Math.min(ranked.size(), m.rankedDocuments())), grounded, -1, -1, note, a.micros(),
          a.micros());
    }
  }

  /**
   * The three-layer stack on the user's fine-tuned model: it labels (the pattern layer); for
   * questions retrieval finds the passages (the grounding layer: ragft's own index or the team's
   * search service) and the same fine-tuned model answers from them through the RAG prompt, citing
   * them (the generation layer).
   */
  record Hybrid(Models m, Generator g) implements Approach {
    @Override
    public ApproachId id() {
      return ApproachId.HYBRID;
    }

    @Override
    public CaseResult.Output run(EvalCase c) {
      if (c.task() == Task.CLASSIFICATION) {
        return label(g, c, labelValues(m, c, false), m.labels());
      }
      return grounded(m, g, c);
    }
  }

  /** Retrieve, then ask {@code g} to answer from the top-k passages and cite them. */
  static CaseResult.Output grounded(Models m, Generator g, EvalCase c) {
    List<Retriever.Found> found = retrieve(m, c);
    List<Retriever.Found> read = found.subList(0, Math.min(m.settings().topK(), found.size()));
    Reply r = g.grounded(qaValues(c, read));
    Set<String> shownIds = new LinkedHashSet<>();
    read.forEach(f -> shownIds.add(f.passage().docId()));
    Citations.Cited cited = Citations.parse(r.content(), shownIds);
    String note = cited.documents().isEmpty() ? "no citation of a shown passage in: " + clip(r.content()) : "";
    return new CaseResult.Output(cited.answer(), cited.first(), Retriever.documents(found, m.rankedDocuments()), true,
        r.promptTokens(), r.completionTokens(), note, r.modelMicros(), r.waitedMicros())
        .withContext(read.stream().map(f -> f.passage().text()).toList());
  }

  /** The passages as the prompt shows them: {@code [doc-id] title: text}, one per line. */
  static String passages(List<Retriever.Found> read) {
    StringBuilder b = new StringBuilder();
    for (Retriever.Found f : read) {
      b.append('[').append(f.passage().docId()).append("] ").append(f.passage().title()).append(": ")
          .append(oneLine(f.passage().text())).append('\n');
    }
    return b.toString().stripTrailing();
  }

  /** The passages a RAG case retrieves, in rank order. */
  static List<Retriever.Found> retrieve(Models m, EvalCase c) {
    return m.passages(c.input(), m.searchDepth());
  }

  /** The RAG prompt's placeholders for a question and the passages shown. */
  static Map<String, String> qaValues(EvalCase c, List<Retriever.Found> read) {
    return Map.of("question", c.input(), "passages", passages(read));
  }

  /**
   * The label prompt's placeholders: the text, the label set, and for RAG the most similar labelled
   * train examples (the BM25 vote's voters) under a heading.
   */
  static Map<String, String> labelValues(Models m, EvalCase c, boolean withExamples) {
    StringBuilder examples = new StringBuilder();
    if (withExamples) {
      Optional<VoteClassifier.Vote> vote;
      synchronized (m) {
        vote = m.voter().classify(c.input());
      }
      for (String id : vote.map(VoteClassifier.Vote::voters).orElse(List.of())) {
        m.trainExample(id).ifPresent(t -> examples.append("- ").append(t.output()).append(": ")
            .append(oneLine(t.input())).append('\n'));
      }
    }
    String shown = examples.length() == 0 ? "" : "\nSimilar labelled examples:\n" + examples;
    return Map.of("question", c.input(), "labels", String.join("\n", m.labels()), "examples", shown);
  }

  /** A label from a constrained prompt, read strictly; an unreadable reply is wrong and noted. */
  static CaseResult.Output label(Generator g, EvalCase c, Map<String, String> values, List<String> labels) {
    Reply r = g.label(values);
    Optional<String> label = LabelReply.parse(r.content(), labels);
    String note = label.isPresent() ? "" : BenchService.UNPARSEABLE + ": " + clip(r.content());
    return new CaseResult.Output(label.orElse(""), "", List.of(), false, r.promptTokens(), r.completionTokens(), note,
        r.modelMicros(), r.waitedMicros());
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String clip(String s) {
    String one = "'" + oneLine(s);
    return (one.length() > NOTE_CHARS ? one.substring(0, NOTE_CHARS) + "..." : one) + "'";
  }

  /** The label set a constrained prompt lists: every label in train and eval, sorted. */
  static List<String> labelSet(List<TrainExample> train, List<EvalCase> eval) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    train.stream().filter(t -> t.task() == Task.CLASSIFICATION).forEach(t -> out.add(t.output()));
    eval.stream().filter(c -> c.task() == Task.CLASSIFICATION).forEach(c -> out.add(c.label()));
    return List.copyOf(out);
  }
}
