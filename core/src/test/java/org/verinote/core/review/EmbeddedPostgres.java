package org.verinote.core.review;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL (zonky embedded, 14.x) per test JVM, set up like production: a schema owner role that runs the
 * migrations, and a separate plain application role ({@code NOSUPERUSER NOBYPASSRLS}, not the owner) that the store
 * connects as, through a small connection pool.
 */
final class EmbeddedPostgres {

  static final String APP_ROLE = "verinote_app";
  private static EmbeddedPostgres instance;

  private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg;
  private final DataSource owner;
  private final DataSource app;

  private EmbeddedPostgres() throws IOException, SQLException {
    pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE verinote_owner LOGIN PASSWORD 'owner' NOSUPERUSER NOBYPASSRLS");
      s.execute("CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD 'app' NOSUPERUSER NOBYPASSRLS");
      s.execute("CREATE DATABASE verinote OWNER verinote_owner");
    }
    owner = pool(pg.getDatabase("verinote_owner", "verinote"), 2);
    app = pool(pg.getDatabase(APP_ROLE, "verinote"), 16);
    PostgresSchema.migrate(owner, APP_ROLE);
  }

  /** @return the shared instance, started and migrated on first use */
  static synchronized EmbeddedPostgres get() {
    if (instance == null) {
      try {
        instance = new EmbeddedPostgres();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot set up embedded PostgreSQL", e);
      }
    }
    return instance;
  }

  /** @return connections as the table owner (migrations, tampering) */
  DataSource owner() {
    return owner;
  }

  /** @return connections as the application role, pooled */
  DataSource app() {
    return app;
  }

  /** @return unpooled connections as the superuser (to set up roles) */
  DataSource superuser() {
    return pg.getPostgresDatabase();
  }

  /**
   * Creates another empty database owned by {@code verinote_owner}.
   *
   * @param name the database name
   * @return an unpooled data source on it as the owner
   */
  DataSource newDatabase(String name) {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " OWNER verinote_owner");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return pg.getDatabase("verinote_owner", name);
  }

  /** @return a fresh data source as the given role on the verinote database, unpooled */
  DataSource as(String role) {
    return pg.getDatabase(role, "verinote");
  }

  /** A fixed-size pool: close() hands the connection back after a rollback of anything left open. */
  static DataSource pool(DataSource target, int size) {
    BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(size);
    AtomicInteger opened = new AtomicInteger();
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        Connection c = idle.poll();
        if (c == null && opened.incrementAndGet() <= size) {
          c = target.getConnection();
        } else if (c == null) {
          opened.decrementAndGet();
          try {
            c = idle.poll(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
          }
          if (c == null) {
            throw new SQLException("pool exhausted");
          }
        }
        Connection real = c;
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, m, args) -> {
              if (m.getName().equals("close")) {
                if (!real.getAutoCommit()) {
                  real.rollback();
                  real.setAutoCommit(true);
                }
                idle.offer(real);
                return null;
              }
              try {
                return m.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
      }

      @Override
      public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("pool has fixed credentials");
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
