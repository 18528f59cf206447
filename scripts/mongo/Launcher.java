import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Serves the MongoDB wire protocol on 127.0.0.1:PORT, in memory or on the H2 file FILE. */
public class Launcher {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    MongoBackend backend = args.length > 1 ? new H2Backend(args[1]) : new MemoryBackend();
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    // Closing the backend on SIGTERM flushes the H2 file, so a clean stop loses no write.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.shutdownNow(); backend.close(); }));
    System.out.println("mongo-java-server listening on 127.0.0.1:" + port);
  }
}
