import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a batch of Helm commands through the embedded Helm (helm-java) in one JVM, so the native
 * library is loaded once. Input: a file with one job per line, fields separated by tabs:
 *
 *   version
 *   lint      <chart dir>
 *   template  <chart dir> <release> <namespace> <kube version> <values file>[,<values file>...]
 *
 * Output: a JSON array on stdout, one result per job: {"ok", "output", "error", "messages"}.
 * A failing job (a schema violation, a template `fail`) is a result with ok=false, not a crash.
 */
public class HelmRunner {
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java -cp <classpath> HelmRunner.java <jobs file>");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
    StringBuilder json = new StringBuilder("[");
    boolean first = true;
    for (String line : lines) {
      if (line.isBlank()) continue;
      if (!first) json.append(",\n");
      first = false;
      json.append(run(line.split("\t", -1)));
    }
    json.append("]\n");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(json);
    out.flush();
  }

  private static String run(String[] job) {
    try {
      switch (job[0]) {
        case "version":
          return result(true, Helm.version().call(), null, List.of());
        case "lint": {
          LintResult lint = new Helm(Paths.get(job[1])).lint().strict().call();
          return result(!lint.isFailed(), "", null, lint.getMessages());
        }
        case "template": {
          TemplateCommand template = new Helm(Paths.get(job[1])).template()
              .withName(job[2])
              .withNamespace(job[3])
              .withKubeVersion(job[4]);
          if (!job[5].isEmpty()) {
            for (String file : job[5].split(",")) template = template.withValuesFile(Path.of(file));
          }
          return result(true, template.call(), null, List.of());
        }
        default:
          return result(false, "", "unknown job: " + job[0], List.of());
      }
    } catch (RuntimeException error) {
      return result(false, "", String.valueOf(error.getMessage()), List.of());
    }
  }

  private static String result(boolean ok, String output, String error, List<String> messages) {
    List<String> quoted = new ArrayList<>();
    for (String message : messages) quoted.add(quote(message));
    return "{\"ok\":" + ok + ",\"output\":" + quote(output) + ",\"error\":" + (error == null ? "null" : quote(error))
        + ",\"messages\":[" + String.join(",", quoted) + "]}";
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"': quoted.append("\\\""); break;
        case '\\': quoted.append("\\\\"); break;
        case '\n': quoted.append("\\n"); break;
        case '\r': quoted.append("\\r"); break;
        case '\t': quoted.append("\\t"); break;
        default:
          if (c < 0x20) quoted.append(String.format("\\u%04x", (int) c));
          else quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
