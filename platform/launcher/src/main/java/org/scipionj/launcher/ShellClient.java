package org.scipionj.launcher;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code scipion shell} attached to the running server: a Unix-domain socket in the user-data folder
 * ({@code run/shell.sock}, owner-only permissions), so the shell is never reachable from another host or user.
 * <p>
 * The exchange: the client sends one command per line (UTF-8); the server answers each with
 * {@code OUT <n>\n} followed by {@code n} bytes of output, then {@code END <status>\n} (0: done, 1: the command
 * failed). Not thread-safe; one per connection.
 */
final class ShellClient implements AutoCloseable {

    /** Where the server listens, relative to the user-data folder (the shell bundle binds the same path). */
    static final String SOCKET = "run/shell.sock";
    static final String PROMPT = "scipion@server> ";

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private ShellClient(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    /** A connection to the server's shell, or empty when no server listens. */
    static Optional<ShellClient> connect(Path userData) {
        Path socket = userData.resolve(SOCKET);
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                return Optional.empty(); // NB: a socket file left by a killed server
            }
            return Optional.of(new ShellClient(channel));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Runs one command; its output goes to {@code console}. @return 0, or 1 when the command failed */
    int execute(String command, PrintStream console) throws IOException {
        out.write((command.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            String header = readLine();
            if (header == null) {
                throw new IOException("the server closed the shell connection");
            }
            if (header.startsWith("OUT ")) {
                byte[] body = in.readNBytes(Integer.parseInt(header.substring(4).trim()));
                console.print(new String(body, StandardCharsets.UTF_8));
                console.flush();
            } else if (header.startsWith("END ")) {
                return Integer.parseInt(header.substring(4).trim());
            } else {
                throw new IOException("unexpected reply from the server's shell: " + header);
            }
        }
    }

    /** Reads commands from {@code input} until EOF or {@code exit}, showing a prompt. */
    int interact(BufferedReader input, PrintStream console) throws IOException {
        console.println("Connected to the running server's shell (Gogo, scope scipion: plugins, installp, uninstallp,"
                + " projects, runs, status, schedule, stop, protocols; 'exit' leaves).");
        while (true) {
            console.print(PROMPT);
            console.flush();
            String line = input.readLine();
            if (line == null || line.trim().equals("exit") || line.trim().equals("quit")) {
                console.println();
                return 0;
            }
            if (!line.isBlank()) {
                execute(line, console);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0;) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
