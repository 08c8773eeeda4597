package org.caisse.authorization.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The pool's connections keep their prepared statements on the server, long ones included: PostgreSQL lists a
 * statement in {@code pg_prepared_statements} only while the connection that prepared it keeps it.
 */
@QuarkusTest
class PreparedStatementCachingPoolTest {

    @Inject
    Pool pool;

    @Test
    void aLongStatementStaysPreparedOnItsConnection() {
        // longer than the client's default cache limit (2,048 characters), as the authorization insert is
        String padding = " ".repeat(3000);
        String sql = "SELECT $1::int + 1 AS next" + padding;
        long kept = pool.withConnection(conn -> conn.preparedQuery(sql).execute(Tuple.of(41))
                        .flatMap(first -> conn.preparedQuery(
                                        "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1")
                                .execute(Tuple.of(sql))))
                .await().indefinitely().iterator().next().getLong(0);
        assertThat(kept).isEqualTo(1L);
    }
}
