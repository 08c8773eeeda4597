package org.caisse.authorization.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Builds the reactive PostgreSQL pool with each connection keeping its prepared statements. Without the cache, every
 * query is parsed and planned again on each execution: for the authorization's one-statement insert (transaction,
 * operation, outbox events and vault upsert, 66 parameters) that is a third of the database's work. The client's
 * default limit of 2,048 characters would leave that very statement out of the cache, hence the higher limit.
 */
@Singleton
public class PreparedStatementCachingPool implements PgPoolCreator {

    static final int CACHED_STATEMENTS_PER_CONNECTION = 64;
    static final int LONGEST_CACHED_SQL = 8192;

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setCachePreparedStatements(true)
                    .setPreparedStatementCacheMaxSize(CACHED_STATEMENTS_PER_CONNECTION)
                    .setPreparedStatementCacheSqlLimit(LONGEST_CACHED_SQL);
        }
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(List.<SqlConnectOptions>copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
