package org.caisse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core (the npm package, fetched by {@code ./caisse test}) run inside the page the browser shows, against the
 * WCAG 2.0 and 2.1 A and AA rules. WebDriver evaluates the script outside the page's Content-Security-Policy, so the
 * pages are audited exactly as served, without weakening their policy.
 */
final class AxeAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
               .then(result => done(JSON.stringify(result.violations)))
               .catch(error => done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(error), nodes: []}])));
            """;

    private final String axeSource;

    private AxeAudit(String axeSource) {
        this.axeSource = axeSource;
    }

    static AxeAudit load() {
        Path script = Path.of(System.getProperty("caisse.axe.script", "../.caisse/tools/axe-core/package/axe.min.js"));
        if (!Files.isReadable(script)) {
            throw new IllegalStateException("axe-core not found at " + script.toAbsolutePath()
                    + ": ./caisse test fetches it from npm (or: npm pack axe-core@<axe-core.version of the root pom>)");
        }
        try {
            return new AxeAudit(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations on the current page, one line each: rule, impact, first offending node. */
    List<String> seriousOrCritical(JavascriptExecutor page) {
        page.executeScript(axeSource);
        String violations = (String) page.executeAsyncScript(RUN);
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(violations)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    JsonNode nodes = violation.path("nodes");
                    String target = nodes.isEmpty() ? "" : nodes.get(0).path("target").toString();
                    found.add(violation.path("id").asText() + " (" + impact + "): " + violation.path("help").asText()
                            + " at " + target + " [" + nodes.size() + " node(s)]");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
