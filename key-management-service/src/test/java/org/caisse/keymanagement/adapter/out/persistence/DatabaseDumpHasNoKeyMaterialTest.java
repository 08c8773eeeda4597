package org.caisse.keymanagement.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyLookup;
import org.caisse.keymanagement.support.TestKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What an operator's backup holds: a {@code pg_dump} of the whole database, taken right after a seal secret was
 * stored and a CSE key pair generated, contains neither of them in clear, in any usual encoding.
 */
@QuarkusTest
class DatabaseDumpHasNoKeyMaterialTest {

    @Inject
    MerchantKeyService sealKeys;

    @Inject
    CseKeyService cseKeys;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aFullDumpHoldsNoSecretAndNoPrivateKeyInClear() throws Exception {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        TestKeys.importActive(sealKeys, merchant, 1, secret);
        var generated = cseKeys.generate(MerchantId.of(merchant)).await().indefinitely();
        var lookup = cseKeys.findForDecryption(generated.id()).await().indefinitely();
        assertThat(lookup).isInstanceOf(CseKeyLookup.Usable.class);
        JsonNode privateJwk = json.readTree(((CseKeyLookup.Usable) lookup).pair().privateJwk().reveal());
        String d = privateJwk.get("d").asText();

        String dump = pgDump();

        assertThat(dump).as("the dump holds the tables").contains("merchant_secret_key").contains(merchant);
        for (String form : encodings(secret.getBytes(StandardCharsets.UTF_8))) {
            assertThat(dump).as("seal secret in clear").doesNotContain(form);
        }
        for (String form : encodings(Base64.getUrlDecoder().decode(d))) {
            assertThat(dump).as("CSE private key in clear").doesNotContain(form);
        }
        assertThat(dump).doesNotContain(d);
    }

    /** The bytes as text, as hex (how a dump writes bytea) and as base64 of both alphabets. */
    private static List<String> encodings(byte[] bytes) {
        return List.of(new String(bytes, StandardCharsets.UTF_8), HexFormat.of().formatHex(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    private String pgDump() throws IOException, InterruptedException {
        // jdbc:postgresql://host:port/database
        String location = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        String hostPort = location.substring(0, location.indexOf('/'));
        String database = location.substring(location.indexOf('/') + 1).split("\\?")[0];
        ProcessBuilder builder = new ProcessBuilder(pgDumpBinary(), "--no-owner", "--no-privileges",
                "-h", hostPort.split(":")[0], "-p", hostPort.contains(":") ? hostPort.split(":")[1] : "5432",
                "-U", user, database);
        builder.environment().put("PGPASSWORD", password);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("pg_dump failed: %s", text.lines().limit(5).toList()).isZero();
        return text;
    }

    /** The newest pg_dump of the PostgreSQL installation the local platform uses, else the one on the PATH. */
    private static String pgDumpBinary() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest = versions.map(v -> v.resolve("bin/pg_dump")).filter(Files::isExecutable)
                        .max((a, b) -> Integer.compare(major(a), major(b)));
                if (newest.isPresent()) {
                    return newest.get().toString();
                }
            }
        }
        return "pg_dump";
    }

    private static int major(Path binary) {
        try {
            return Integer.parseInt(binary.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
