package org.scipionj.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

import com.sun.net.httpserver.HttpServer;

/** installp / uninstallp against a real (embedded) Felix, with small bundles written by the test. */
class PluginInstallerTest {

    @TempDir
    Path tmp;
    Framework framework;
    PluginDeployer deployer;
    PluginInstaller installer;
    Path repo;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @BeforeEach
    void boot() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of("org.osgi.framework.storage", tmp.resolve("cache").toString(),
                "org.osgi.framework.storage.clean", "onFirstInit"));
        framework.start();
        deployer = new PluginDeployer(framework.getBundleContext(), PluginFolder.of(tmp.resolve("userdata")));
        installer = new PluginInstaller(framework.getBundleContext(), deployer);
        repo = Files.createDirectories(tmp.resolve("repo"));
        // base exports org.test.base 1.0; app imports it; broken imports a version nobody exports
        TestBundles.write(repo.resolve("base-1.0.jar"), TestBundles.bundle("org.test.base", "1.0.0",
                "org.test.base;version=\"1.0.0\"", null));
        TestBundles.write(repo.resolve("app-1.0.jar"), TestBundles.bundle("org.test.app", "1.0.0", null,
                "org.test.base;version=\"[1.0,2)\""));
        TestBundles.write(repo.resolve("broken-1.0.jar"), TestBundles.bundle("org.test.broken", "1.0.0", null,
                "org.test.base;version=\"[2.0,3)\",org.test.nowhere"));
        TestBundles.index(repo,
                TestBundles.entry("base", "1.0", repo, "base-1.0.jar", null),
                TestBundles.entry("app", "1.0", repo, "app-1.0.jar", null, "base"),
                TestBundles.entry("broken", "1.0", repo, "broken-1.0.jar", null, "base"));
    }

    @AfterEach
    void stop() throws Exception {
        deployer.deactivate();
        framework.stop();
        framework.waitForStop(10_000);
    }

    private List<String> activeTestBundles() {
        return Stream.of(framework.getBundleContext().getBundles())
                .filter(b -> b.getSymbolicName().startsWith("org.test.") && b.getState() == Bundle.ACTIVE)
                .map(b -> b.getSymbolicName() + " " + b.getVersion()).sorted().toList();
    }

    @Test
    void installsWithDependenciesLiveAndUninstalls() throws Exception {
        installer.install(Repository.open(repo.toString()), List.of("app"), false, out);
        assertEquals(List.of("org.test.app 1.0.0", "org.test.base 1.0.0"), activeTestBundles());
        assertEquals(List.of("app", "base"), installer.folder().installed().stream().map(p -> p.name()).toList());
        assertTrue(printed.toString().contains("Installed base 1.0"), printed.toString());

        installer.install(Repository.open(repo.toString()), List.of("app"), false, out);
        assertTrue(printed.toString().contains("app 1.0 is already installed"), printed.toString());

        installer.uninstall(List.of("app"), out);
        assertEquals(List.of("org.test.base 1.0.0"), activeTestBundles());
        assertFalse(Files.exists(installer.folder().dir().resolve("org.test.app_1.0.0.jar")));
    }

    @Test
    void aBundleThatDoesNotResolveIsRefusedNamingWhatIsMissingAndNothingChanges() throws Exception {
        int before = framework.getBundleContext().getBundles().length;
        PluginException e = assertThrows(PluginException.class,
                () -> installer.install(Repository.open(repo.toString()), List.of("broken"), false, out));
        assertTrue(e.getMessage().contains("org.test.broken 1.0.0 does not resolve"), e.getMessage());
        assertTrue(e.getMessage().contains("package org.test.base version [2.0.0,3.0.0) (this runtime exports version "
                + "1.0.0)"), e.getMessage());
        assertTrue(e.getMessage().contains("package org.test.nowhere (no bundle exports it)"), e.getMessage());
        assertEquals(before, framework.getBundleContext().getBundles().length);
        assertEquals(List.of(), installer.folder().installed());
        assertEquals(List.of(), installer.folder().jars());
        assertEquals(List.of(), activeTestBundles());
    }

    @Test
    void aChecksumMismatchIsRefused() throws Exception {
        Files.write(repo.resolve("base-1.0.jar"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        PluginException e = assertThrows(PluginException.class,
                () -> installer.install(Repository.open(repo.toString()), List.of("base"), false, out));
        assertTrue(e.getMessage().startsWith("checksum mismatch for " + repo + "/base-1.0.jar"), e.getMessage());
        assertEquals(List.of(), installer.folder().jars());
    }

    @Test
    void anUnknownPluginNamesTheAvailableOnes() {
        PluginException e = assertThrows(PluginException.class,
                () -> installer.install(Repository.open(repo.toString()), List.of("nope"), false, out));
        assertTrue(e.getMessage().contains("available: app, base, broken"), e.getMessage());
    }

    @Test
    void anUpgradeReplacesTheOlderVersion() throws Exception {
        installer.install(Repository.open(repo.toString()), List.of("base"), false, out);
        TestBundles.write(repo.resolve("base-1.1.jar"), TestBundles.bundle("org.test.base", "1.1.0",
                "org.test.base;version=\"1.1.0\"", null));
        TestBundles.index(repo, TestBundles.entry("base", "1.1", repo, "base-1.1.jar", null));
        installer.install(Repository.open(repo.toString()), List.of("base"), false, out);
        assertEquals(List.of("org.test.base 1.1.0"), activeTestBundles());
        assertEquals(List.of(installer.folder().dir().resolve("org.test.base_1.1.0.jar")), installer.folder().jars());
        assertTrue(printed.toString().contains("Upgraded base 1.0 -> 1.1"), printed.toString());
        installer.list(Repository.open(repo.toString()), out);
        assertTrue(printed.toString().matches("(?s).*\\nbase\\s+1\\.1\\s+1\\.1\\s+test base\\n.*"), printed.toString());

        TestBundles.write(repo.resolve("base-1.2.jar"), TestBundles.bundle("org.test.base", "1.2.0", null, null));
        TestBundles.index(repo, TestBundles.entry("base", "1.2", repo, "base-1.2.jar", null));
        installer.install(Repository.open(repo.toString()), List.of("base"), true, out);
        assertEquals(List.of("org.test.base 1.1.0"), activeTestBundles(), "--if-missing leaves an installed plugin alone");
        installer.list(Repository.open(repo.toString()), out);
        assertTrue(printed.toString().contains("(other build available: 'installp -p base') test base"),
                printed.toString());
    }

    @Test
    void anApiRangeThatTheRuntimeDoesNotMeetIsRefused() throws Exception {
        Path api = TestBundles.write(tmp.resolve("api.jar"), TestBundles.bundle(PluginInstaller.API_BUNDLE, "1.0.0",
                null, null));
        framework.getBundleContext().installBundle(api.toUri().toString());
        TestBundles.index(repo, TestBundles.entry("base", "1.0", repo, "base-1.0.jar", "[2.0,3)"));
        PluginException e = assertThrows(PluginException.class,
                () -> installer.install(Repository.open(repo.toString()), List.of("base"), false, out));
        assertTrue(e.getMessage().contains("needs API [2.0.0,3.0.0) but this runtime has org.scipionj.api 1.0.0"),
                e.getMessage());
    }

    @Test
    void installsFromAnHttpRepositoryAndABundleFile() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = repo.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(Files.exists(file) ? 200 : 404, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            installer.install(Repository.open(url), List.of("base"), false, out);
            installer.list(Repository.open(url), out);
        } finally {
            server.stop(0);
        }
        Path third = TestBundles.write(tmp.resolve("third.jar"), TestBundles.bundle("org.test.third", "2.0.0", null,
                "org.test.base"));
        installer.installFile(third, out);
        assertEquals(List.of("org.test.base 1.0.0", "org.test.third 2.0.0"), activeTestBundles());
        String listing = printed.toString();
        assertTrue(listing.matches("(?s).*\\nbase\\s+1\\.0\\s+1\\.0\\s+test base\\n.*"), listing);
        assertTrue(listing.matches("(?s).*\\napp\\s+1\\.0\\s+-\\s+test app\\n.*"), listing);
        assertTrue(installer.plugins().contains("org.test.third 2.0.0  ACTIVE"), installer.plugins());
    }

    @Test
    void aJarDroppedByAnotherProcessIsDeployedAndItsRemovalUndeploys() throws Exception {
        Path dir = Files.createDirectories(installer.folder().dir());
        TestBundles.write(dir.resolve("org.test.base_1.0.0.jar"), TestBundles.bundle("org.test.base", "1.0.0", null, null));
        long deadline = System.currentTimeMillis() + 20_000;
        while (activeTestBundles().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of("org.test.base 1.0.0"), activeTestBundles());
        Files.delete(dir.resolve("org.test.base_1.0.0.jar"));
        while (!activeTestBundles().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), activeTestBundles());
    }
}
