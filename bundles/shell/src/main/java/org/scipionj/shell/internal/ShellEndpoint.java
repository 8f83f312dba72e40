package org.scipionj.shell.internal;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The server's Gogo shell for {@code scipion shell}: a Unix-domain socket at {@code USERDATA/run/shell.sock}
 * (folder 0700, socket 0600: only the owner, only this host). One Gogo session per connection; the exchange is
 * described in the launcher's ShellClient: one command a line in, {@code OUT n} + n bytes + {@code END status}
 * out. Thread-safe.
 */
@Component(service = ShellEndpoint.class)
public final class ShellEndpoint {

    static final String SOCKET = "run/shell.sock";
    /** A session variable: the server's process id. */
    static final String SERVER_PID = "SERVER_PID";
    private final CommandProcessor processor;
    private final Set<Listening> open = ConcurrentHashMap.newKeySet();

    @Activate
    public ShellEndpoint(@Reference CommandProcessor processor) {
        this.processor = processor;
    }

    /** A listening socket; closing it removes the socket file. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    /** Listens until the result is closed. */
    Listening open(Path userData) throws IOException {
        Path socket = userData.resolve(SOCKET);
        Path dir = socket.getParent();
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(socket); // NB: the caller holds the server lock: a socket file here is a dead server's
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        Thread acceptor = new Thread(() -> accept(server), "scipion-shell-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
        Listening listening = new Listening() {
            @Override
            public void close() {
                open.remove(this);
                try {
                    server.close();
                    Files.deleteIfExists(socket);
                } catch (IOException e) {
                    // NB: a stale socket file is replaced by the next server
                }
            }
        };
        open.add(listening);
        return listening;
    }

    /** The framework stops (the server's shutdown hook): no socket file is left behind. */
    @Deactivate
    void deactivate() {
        List.copyOf(open).forEach(Listening::close);
    }

    private void accept(ServerSocketChannel server) {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread t = new Thread(() -> serve(client), "scipion-shell-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // NB: closed
            }
        }
    }

    private void serve(SocketChannel client) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (client; CommandSession session = processor.createSession(InputStream.nullInputStream(), print, print)) {
            session.put(SERVER_PID, ProcessHandle.current().pid()); // NB: 'shell -c "echo $SERVER_PID"' says where it runs
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                    StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(client);
            for (String line; (line = in.readLine()) != null;) {
                int status = line.isBlank() ? 0 : GogoLine.run(session, line, print, print);
                byte[] output = buffer.toByteArray();
                buffer.reset();
                out.write(("OUT " + output.length + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(output);
                out.write(("END " + status + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // NB: the client went away
        }
    }
}
