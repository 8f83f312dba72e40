package org.scipionj.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.ItemProcessor;
import org.scipionj.api.protocol.ItemProtocol;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.protocol.Param;
import org.scipionj.api.protocol.Poll;
import org.scipionj.api.protocol.ProtocolDescriptor;
import org.scipionj.api.protocol.RunContext;
import org.scipionj.api.protocol.Slot;
import org.scipionj.api.protocol.Source;
import org.scipionj.api.protocol.SourceProtocol;

/** Small protocols for engine tests: a source fed from a queue and a per-item movie → micrograph step. */
final class TestProtocols {

    private TestProtocols() {
    }

    /** Emits the names put in {@link #feed}; the name "END" finishes it. */
    static final class QueueSource implements SourceProtocol {
        final BlockingQueue<String> feed = new LinkedBlockingQueue<>();

        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.source", "Test source", List.of("TestSource"), List.of(),
                    List.of(Slot.of("outputMovies", Movie.class)), List.of(Param.integer("frames", 4L)));
        }

        @Override
        public Source open(RunContext run) {
            return ctx -> {
                String name;
                while ((name = feed.poll()) != null) {
                    if (name.equals("END")) {
                        return Poll.finished();
                    }
                    if (name.startsWith("BAD")) {
                        ctx.fail(name, "not a movie");
                        continue;
                    }
                    if (!ctx.isKnown(name)) {
                        ctx.emit(name, "outputMovies", new Movie(ctx.nextId(), "/data/" + name, 16, 16,
                                (int) run.parameters().integer("frames"), 1.0, 1.0, 0, null, null, null, Map.of()));
                    }
                }
                if (ctx.run().isStopRequested()) {
                    return Poll.finished();
                }
                return Poll.again(Duration.ofMillis(20));
            };
        }
    }

    /** Records how many items its watched runs have done, until they have all ended. */
    static final class Watcher implements org.scipionj.api.protocol.MonitorProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.monitor", "Test monitor", List.of("TestMonitor"), List.of(),
                    List.of(Slot.of("outputDummy", Micrograph.class)),
                    List.of(Param.runs("inputProtocols"), Param.duration("samplingInterval", 1)));
        }

        @Override
        public org.scipionj.api.protocol.Monitor open(RunContext run) {
            List<Long> watched = run.parameters().runs("inputProtocols");
            return ctx -> {
                double done = 0;
                boolean ended = true;
                for (org.scipionj.api.project.RunInfo r : ctx.runs()) {
                    if (watched.contains(r.id())) {
                        done += r.done();
                        ended &= r.status().isEnded();
                    }
                }
                ctx.record("progress", Map.of("done", done));
                return ended ? Poll.finished() : Poll.again(Duration.ofMillis(30));
            };
        }
    }

    /** Picks {@code id % 3} coordinates on each micrograph. */
    static final class Picker implements ItemProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.pick", "Test pick", List.of("TestPick"),
                    List.of(Slot.of("inputMicrographs", Micrograph.class)),
                    List.of(Slot.of("outputCoordinates", org.scipionj.api.item.Coordinate.class)), List.of());
        }

        @Override
        public ItemProcessor open(RunContext run) {
            return (ctx, input) -> {
                Thread.sleep(20 * (3 - input.id() % 3)); // NB: finish out of order with the extractor's requests
                ItemResult.Builder result = ItemResult.builder();
                for (int i = 0; i < input.id() % 3; i++) {
                    result.add("outputCoordinates", new org.scipionj.api.item.Coordinate(input.id() * 10 + i,
                            input.id(), i, i, 1.0, 64, Map.of()));
                }
                return result.build();
            };
        }
    }

    /** For each micrograph, counts its coordinates through {@code related}. */
    static final class Extract implements ItemProtocol {
        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.extract", "Test extract", List.of("TestExtract"),
                    List.of(Slot.of("inputMicrographs", Micrograph.class),
                            Slot.of("inputCoordinates", org.scipionj.api.item.Coordinate.class)),
                    List.of(Slot.of("outputMicrographs", Micrograph.class)), List.of());
        }

        @Override
        public ItemProcessor open(RunContext run) {
            return (ctx, input) -> {
                Micrograph m = (Micrograph) input;
                int n = ctx.related("inputCoordinates", m.id()).size();
                return ItemResult.done("outputMicrographs", new Micrograph(m.id(), m.file(), 16, 16, 1, null, null,
                        Map.of("particles", n)));
            };
        }
    }

    /** Turns each movie into a micrograph; a movie whose file ends with "fail" fails. */
    static final class Align implements ItemProtocol {
        volatile long delayMillis;

        @Override
        public ProtocolDescriptor descriptor() {
            return new ProtocolDescriptor("test.align", "Test align", List.of("TestAlign", "ProtTestAlign"),
                    List.of(Slot.of("inputMovies", Movie.class)), List.of(Slot.of("outputMicrographs", Micrograph.class)),
                    List.of(Param.decimal("scale", 1.0).range(0, 10), Param.ignored("GPUIDs", "no GPU needed")));
        }

        @Override
        public ItemProcessor open(RunContext run) {
            return (ctx, input) -> {
                Movie m = (Movie) input;
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                if (m.file().endsWith("fail")) {
                    return ItemResult.failed("cannot align " + m.file(), false);
                }
                Item mic = new Micrograph(m.id(), m.file() + ".mrc", 16, 16, m.samplingRate_Apx(), m.acquisition(),
                        m.file(), Map.of("scale", run.parameters().decimal("scale")));
                return ItemResult.done("outputMicrographs", mic);
            };
        }
    }
}
