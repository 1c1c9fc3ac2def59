import com.adobe.epubcheck.tool.EpubChecker;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * Java EPUBCheck for the whole test run in one JVM (tests/helpers/epubcheck.ts starts it on first use):
 * each JVM start and schema load costs ~5-10 s of CPU, a check in a warm JVM about one. Listens on a
 * loopback port written to args[0]; a client sends one EPUB path and a newline and reads EPUBCheck's
 * full output (what `java -jar epubcheck.jar FILE` prints) until the server closes the connection.
 * Checks run one at a time. The JVM exits when the folder of args[0] disappears (the test run ended),
 * or after 15 minutes without a request (a run killed before its teardown).
 */
public class EpubcheckServer {
  static volatile long lastUse = System.currentTimeMillis();

  public static void main(String[] args) throws Exception {
    Path portFile = Paths.get(args[0]);
    Path dir = portFile.getParent();
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Path tmp = dir.resolve("epubcheck.port.tmp");
    Files.write(tmp, Integer.toString(server.getLocalPort()).getBytes(StandardCharsets.UTF_8));
    Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE);
    Thread watchdog = new Thread(() -> {
      while (true) {
        try { Thread.sleep(2000); } catch (InterruptedException e) { return; }
        if (!Files.isDirectory(dir)) System.exit(0);
        // a run killed before its teardown leaves the folder behind: give up after 15 idle minutes
        if (System.currentTimeMillis() - lastUse > 15 * 60_000L) System.exit(0);
      }
    });
    watchdog.setDaemon(true);
    watchdog.start();
    PrintStream out = System.out;
    PrintStream err = System.err;
    while (true) {
      try (Socket s = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        String file = in.readLine();
        lastUse = System.currentTimeMillis();
        if (file == null) continue;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, true, "UTF-8");
        System.setOut(ps);
        System.setErr(ps);
        try {
          new EpubChecker().run(new String[] { file });
        } catch (Throwable t) {
          t.printStackTrace(ps);
        } finally {
          ps.flush();
          System.setOut(out);
          System.setErr(err);
        }
        OutputStream o = s.getOutputStream();
        o.write(buf.toByteArray());
        o.flush();
        lastUse = System.currentTimeMillis();
      } catch (Exception e) {
        e.printStackTrace(err);
      }
    }
  }
}
