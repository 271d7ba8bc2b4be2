package dev.ragft.bench.run;

import dev.ragft.bench.dataset.EvalCase;
import dev.ragft.bench.dataset.Task;
import dev.ragft.bench.llm.Online;
import dev.ragft.bench.retrieval.ExtractiveReader;
import dev.ragft.bench.retrieval.Retriever;
import dev.ragft.bench.train.NearestPairResponder;
import java.util.List;
import java.util.Optional;

/** One way of answering eval cases, over the shared {@link Models}. */
sealed interface Approach
    permits Approach.Rag, Approach.FineTune, Approach.Hybrid, OnlineApproach.Rag, OnlineApproach.FineTune,
        OnlineApproach.Service, OnlineApproach.Hybrid {
  ApproachId id();

  CaseResult.Output run(EvalCase c);

  static Approach of(ApproachId id, Models m) {
    return switch (id) {
      case RAG -> new Rag(m);
      case FINE_TUNE -> new FineTune(m);
      case HYBRID -> new Hybrid(m);
    };
  }

  /**
   * The approach against a real system when one is configured for it, else the offline one: for
   * rag the team's own RAG endpoint or the chat model over retrieved passages; for fine-tune the
   * model behind its own endpoint or behind the chat endpoint; for hybrid the fine-tuned chat model
   * as pattern layer and generator over retrieved passages.
   */
  static Approach of(ApproachId id, Models m, Optional<Online> online) {
    if (online.isEmpty()) {
      return of(id, m);
    }
    Online o = online.get();
    return switch (id) {
      case RAG -> o.ragEndpoint().<Approach>map(s -> new OnlineApproach.Service(m, id, s))
          .or(() -> o.rag().map(g -> new OnlineApproach.Rag(m, g))).orElseGet(() -> of(id, m));
      case FINE_TUNE -> o.fineTuneEndpoint().<Approach>map(s -> new OnlineApproach.Service(m, id, s))
          .or(() -> o.fineTune().map(g -> new OnlineApproach.FineTune(m, g))).orElseGet(() -> of(id, m));
      case HYBRID -> o.fineTune().<Approach>map(g -> new OnlineApproach.Hybrid(m, g)).orElseGet(() -> of(id, m));
    };
  }

  /** Retrieval and a reader for questions; a vote of retrieved labelled examples for labels. */
  record Rag(Models m) implements Approach {
    @Override
    public ApproachId id() {
      return ApproachId.RAG;
    }

    @Override
    public CaseResult.Output run(EvalCase c) {
      if (c.task() == Task.CLASSIFICATION) {
        return CaseResult.Output.ungrounded(m.voter().classify(c.input()).map(v -> v.label()).orElse(""));
      }
      return grounded(m, c.input(), "", 0);
    }
  }

  /** The trained proxies only: the classifier for labels, the nearest-pair responder for questions. */
  record FineTune(Models m) implements Approach {
    @Override
    public ApproachId id() {
      return ApproachId.FINE_TUNE;
    }

    @Override
    public CaseResult.Output run(EvalCase c) {
      if (c.task() == Task.CLASSIFICATION) {
        return CaseResult.Output.ungrounded(m.classifier().predict(c.input()).label());
      }
      return CaseResult.Output.ungrounded(m.responder().answer(c.input()).map(NearestPairResponder.Response::answer)
          .orElse(""));
    }
  }

  /**
   * The framework's three layers: the trained classifier labels (pattern layer); for questions the
   * trained responder's answer, weighted by how close its training question was, steers retrieval
   * (grounding layer) and the reader, which answers only with a retrieved sentence (generation).
   */
  record Hybrid(Models m) implements Approach {
    @Override
    public ApproachId id() {
      return ApproachId.HYBRID;
    }

    @Override
    public CaseResult.Output run(EvalCase c) {
      if (c.task() == Task.CLASSIFICATION) {
        return CaseResult.Output.ungrounded(m.classifier().predict(c.input()).label());
      }
      Optional<NearestPairResponder.Response> learned = m.responder().answer(c.input());
      return grounded(m, c.input(), learned.map(NearestPairResponder.Response::answer).orElse(""),
          learned.map(r -> Math.max(0, r.similarity())).orElse(0.0));
    }
  }

  /** Retrieve, read, cite. A hint with weight 0 changes nothing. */
  private static CaseResult.Output grounded(Models m, String question, String hint, double hintWeight) {
    List<Retriever.Found> found = hintWeight > 0 ? m.passages(question, hint, (float) hintWeight, m.searchDepth())
        : m.passages(question, m.searchDepth());
    List<String> ranked = Retriever.documents(found, m.rankedDocuments());
    List<Retriever.Found> read = found.subList(0, Math.min(m.settings().topK(), found.size()));
    Optional<ExtractiveReader.Answer> a = m.reader().read(question, hint, hintWeight, read);
    return new CaseResult.Output(a.map(ExtractiveReader.Answer::text).orElse(""),
        a.map(x -> x.source().docId()).orElse(""), ranked, true).withContext(read.stream()
            .map(f -> f.passage().text()).toList());
  }
}
