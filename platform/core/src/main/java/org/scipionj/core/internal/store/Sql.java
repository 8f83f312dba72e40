package org.scipionj.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work that may throw {@link SQLException}. */
@FunctionalInterface
public interface Sql<T> {
    T run(Connection connection) throws SQLException;
}
