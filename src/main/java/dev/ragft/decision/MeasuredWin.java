package dev.ragft.decision;

/**
 * What a bench run measured on one slice: {@code approach} beat every other on {@code metric} by
 * {@code margin}, with the paired-bootstrap 95% interval of that margin [{@code low}, {@code high}].
 * Only a win whose interval excludes zero is a win; the engine weighs nothing else. {@code proxy}
 * when the winner ran as an offline proxy; {@code source} names the run for reports.
 */
public record MeasuredWin(String slice, String metric, String approach, double margin, double low, double high,
    boolean proxy, String source) {
  public boolean significant() {
    return low > 0;
  }
}
