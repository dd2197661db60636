package org.kpledger.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/backup}: an online backup of the embedded H2 database while the node runs,
 * for the KP authority and auditors (OperatorAccessFilter), as one zip holding {@value #DATABASE}
 * (H2's {@code BACKUP TO}: a consistent copy of the file as of one commit, taken without stopping
 * writes) and {@value #CHECKPOINTS} (the node's checkpoint file, copied after the database, so it
 * holds every checkpoint the copy records; the few signed while the backup ran are cut back when
 * the restored node starts). Restoring: stop the node, put both files in its data directory (beside
 * its {@code trust/} and {@code node/} keys, which this backup does not hold), start it. Answers
 * 404 on any other database: PostgreSQL is backed up with {@code pg_dump} (README "Backups").
 */
@Component
@WebEndpoint(id = "backup")
class DatabaseBackupEndpoint {
  static final String DATABASE = "ledger.mv.db";
  static final String CHECKPOINTS = "checkpoints.txt";
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackupEndpoint.class);

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final Path checkpoints;

  DatabaseBackupEndpoint(
      DataSource dataSource, JdbcTemplate jdbc, @Value("${kp.data-dir}") Path dataDir) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.checkpoints = dataDir.resolve(CHECKPOINTS);
  }

  @ReadOperation(produces = "application/zip")
  WebEndpointResponse<Resource> backup() throws IOException, SQLException {
    if (H2Compaction.embeddedStore(dataSource).isEmpty()) {
      return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }
    long start = System.nanoTime();
    Path dir = Files.createTempDirectory("kp-backup");
    Path h2 = dir.resolve("h2.zip");
    Path zip = dir.resolve("backup.zip");
    try {
      jdbc.execute("BACKUP TO '" + h2.toString().replace("'", "''") + "'");
      try (OutputStream out = Files.newOutputStream(zip);
          ZipOutputStream z = new ZipOutputStream(out)) {
        copyDatabase(h2, z);
        z.putNextEntry(new ZipEntry(CHECKPOINTS));
        if (Files.exists(checkpoints)) {
          Files.copy(checkpoints, z);
        }
        z.closeEntry();
      }
      InputStream body = Files.newInputStream(zip);
      LOG.info(
          "online backup of the H2 database: {} bytes in {} ms",
          Files.size(zip),
          (System.nanoTime() - start) / 1_000_000);
      return new WebEndpointResponse<>(new InputStreamResource(body), 200);
    } finally {
      // the open stream keeps the zip's bytes until the answer is sent; nothing stays on disk
      Files.deleteIfExists(h2);
      Files.deleteIfExists(zip);
      Files.deleteIfExists(dir);
    }
  }

  /** H2's backup zip holds the database file under its own name: copied as {@value #DATABASE}. */
  private static void copyDatabase(Path h2, ZipOutputStream z) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(h2))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".mv.db")) {
          z.putNextEntry(new ZipEntry(DATABASE));
          in.transferTo(z);
          z.closeEntry();
          return;
        }
      }
    }
    throw new IOException("H2's backup holds no database file");
  }
}
