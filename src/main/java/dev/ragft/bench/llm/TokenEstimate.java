package dev.ragft.bench.llm;

import java.util.List;

/**
 * The token count a dry run assumes: about four characters per token for English text (OpenAI's
 * rule of thumb for its tokenizers), rounded up, plus the chat format's overhead of 4 tokens per
 * message and 3 to prime the reply. Good to about ±20% on English prose; real counts come from the
 * endpoint's {@code usage} once bench runs.
 */
public final class TokenEstimate {
  public static final int CHARS_PER_TOKEN = 4;
  public static final int PER_MESSAGE = 4;
  public static final int PER_REPLY = 3;

  private TokenEstimate() {}

  public static long text(String s) {
    return (s.codePointCount(0, s.length()) + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  public static long prompt(List<Message> messages) {
    long n = PER_REPLY;
    for (Message m : messages) {
      n += PER_MESSAGE + text(m.content());
    }
    return n;
  }
}
