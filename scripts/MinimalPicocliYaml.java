import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The yardstick for start-up, measured on the same machine as ragft by
 * scripts/bench-startup.sh: the least a picocli + Jackson-YAML command line can do (parse its
 * arguments, read a YAML file, print it as JSON, with Jackson's streaming API as ragft), with the same JVM flags and a static
 * class-data-sharing archive of its own. ragft can only be slower than this by the work it
 * really does.
 */
@Command(name = "minimal", mixinStandardHelpOptions = true)
public class MinimalPicocliYaml implements Callable<Integer> {
  @Parameters(index = "0")
  File file;

  @Option(names = "--format", defaultValue = "json")
  String format;

  @Override
  public Integer call() throws Exception {
    // Jackson's streaming API, as ragft uses it (no databind): YAML events copied to JSON.
    try (JsonParser in = new YAMLFactory().createParser(file);
        JsonGenerator out = new JsonFactory().createGenerator(System.out).useDefaultPrettyPrinter()) {
      in.nextToken();
      out.copyCurrentStructure(in);
    }
    System.out.println();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new MinimalPicocliYaml()).execute(args));
  }
}
