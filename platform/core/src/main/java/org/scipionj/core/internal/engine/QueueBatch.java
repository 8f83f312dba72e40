package org.scipionj.core.internal.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scipionj.api.item.Item;
import org.scipionj.api.protocol.ItemResult;
import org.scipionj.api.stream.Entry;
import org.scipionj.core.internal.store.ItemCodec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The files of one batch job, in the job's folder {@code Runs/RUN/queue/batch-NNNNNN/} on the shared
 * filesystem: {@code batch.json} (the run's protocol and parameters, and the items with their related items,
 * written by the server) and {@code results/SEQ.json} (one per item the job processed, written atomically by the
 * worker: the result manifest). Output files themselves go to the run's {@code extra/} folder as in a local run;
 * they count only once the server commits the item's result. Stateless; the static methods are thread-safe.
 */
final class QueueBatch {

    static final String BATCH_FILE = "batch.json";
    static final String RESULTS = "results";

    /** What the job runs: one run's protocol on some of its input items. */
    record Header(Path projectDir, long runId, String protocolId, String className, Map<String, Object> params,
                  int threads, Path runDir) {
    }

    /** One input item of the batch: how often its jobs failed before, and its items in the secondary inputs. */
    record Member(Entry<? extends Item> entry, int attempt, Map<String, List<Item>> related) {
    }

    /** A batch file as read. */
    record Batch(Header header, List<Member> members) {
    }

    /** One item's result as the worker wrote it. */
    record Result(ItemResult result, String log, long millis) {
    }

    private QueueBatch() {
    }

    static void write(Path folder, Header h, List<Member> members, ItemCodec codec) throws IOException {
        ObjectMapper m = codec.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("projectDir", h.projectDir().toString());
        root.put("runId", h.runId());
        root.put("protocolId", h.protocolId());
        root.put("className", h.className());
        root.set("params", m.valueToTree(h.params()));
        root.put("threads", h.threads());
        root.put("runDir", h.runDir().toString());
        ArrayNode items = root.putArray("items");
        for (Member member : members) {
            ObjectNode n = items.addObject();
            n.put("seq", member.entry().seq());
            n.put("attempt", member.attempt());
            n.set("item", item(m, member.entry().item()));
            ObjectNode related = n.putObject("related");
            member.related().forEach((slot, list) -> {
                ArrayNode a = related.putArray(slot);
                list.forEach(i -> a.add(item(m, i)));
            });
        }
        atomicWrite(folder.resolve(BATCH_FILE), m.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    static Batch read(Path folder, ItemCodec codec) throws IOException {
        ObjectMapper m = codec.mapper();
        JsonNode root = m.readTree(folder.resolve(BATCH_FILE).toFile());
        @SuppressWarnings("unchecked")
        Map<String, Object> params = m.convertValue(root.get("params"), Map.class);
        Header h = new Header(Path.of(root.get("projectDir").asText()), root.get("runId").asLong(),
                root.get("protocolId").asText(), root.get("className").asText(), params,
                root.get("threads").asInt(1), Path.of(root.get("runDir").asText()));
        List<Member> members = new ArrayList<>();
        for (JsonNode n : root.get("items")) {
            Map<String, List<Item>> related = new LinkedHashMap<>();
            n.path("related").fields().forEachRemaining(f -> {
                List<Item> list = new ArrayList<>();
                f.getValue().forEach(i -> list.add(item(m, codec, i)));
                related.put(f.getKey(), list);
            });
            members.add(new Member(new Entry<>(n.get("seq").asLong(), item(m, codec, n.get("item"))),
                    n.path("attempt").asInt(0), related));
        }
        return new Batch(h, members);
    }

    static void writeResult(Path folder, long seq, ItemResult r, String log, long millis, ItemCodec codec)
            throws IOException {
        ObjectMapper m = codec.mapper();
        ObjectNode root = m.createObjectNode();
        root.put("seq", seq);
        root.put("kind", r.kind().name());
        root.put("reason", r.reason());
        root.put("retryable", r.retryable());
        root.put("log", log);
        root.put("millis", millis);
        ObjectNode outputs = root.putObject("outputs");
        r.outputs().forEach((slot, list) -> {
            ArrayNode a = outputs.putArray(slot);
            list.forEach(i -> a.add(item(m, i)));
        });
        Path dir = folder.resolve(RESULTS);
        Files.createDirectories(dir);
        atomicWrite(dir.resolve(seq + ".json"), m.writeValueAsBytes(root));
    }

    static Optional<Result> readResult(Path folder, long seq, ItemCodec codec) throws IOException {
        Path file = folder.resolve(RESULTS).resolve(seq + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ObjectMapper m = codec.mapper();
        JsonNode root = m.readTree(file.toFile());
        String log = root.path("log").asText("");
        long millis = root.path("millis").asLong(0);
        ItemResult result = switch (root.get("kind").asText()) {
            case "DONE" -> {
                ItemResult.Builder b = ItemResult.builder();
                root.path("outputs").fields().forEachRemaining(f -> {
                    List<Item> items = new ArrayList<>();
                    f.getValue().forEach(i -> items.add(item(m, codec, i)));
                    b.add(f.getKey(), items.toArray(Item[]::new));
                });
                yield b.build();
            }
            case "FAILED" -> ItemResult.failed(root.path("reason").asText("failed"), root.path("retryable").asBoolean());
            default -> ItemResult.cancelled();
        };
        return Optional.of(new Result(result, log, millis));
    }

    private static ObjectNode item(ObjectMapper m, Item item) {
        ObjectNode n = m.createObjectNode();
        n.put("type", item.getClass().getSimpleName());
        n.set("item", m.valueToTree(item));
        return n;
    }

    private static Item item(ObjectMapper m, ItemCodec codec, JsonNode n) {
        try {
            return m.treeToValue(n.get("item"), codec.type(n.get("type").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("corrupt item in a batch file: " + n, e);
        }
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
