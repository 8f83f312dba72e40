package org.scipionj.distribution;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A summary monitor's report folder as a test reads it: {@code index.html} parsed by a strict XML parser (the report
 * is written as well-formed XHTML, so any unclosed or mis-nested tag fails), {@code report.json}, and its PNG files
 * checked byte by byte (signature, IHDR header) and decoded.
 */
final class ReportFolder {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    final Path dir;
    final Document html;
    final JsonNode json;

    ReportFolder(Path dir) throws Exception {
        this.dir = dir;
        this.html = parse(dir.resolve("index.html"));
        this.json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    /** Parses an XHTML file with the JDK's XML parser (DOCTYPE allowed, no external entity fetched). */
    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        try {
            return f.newDocumentBuilder().parse(file.toFile());
        } catch (org.xml.sax.SAXParseException e) {
            throw new AssertionError(file + " is not well-formed at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code src} of every {@code img} element, in document order. */
    List<String> imageSources() {
        return attributes(html.getElementsByTagName("img"), "src");
    }

    /** The data rows of the latest-micrographs table (without its header row), each as its images' sources. */
    List<List<String>> micrographRows() {
        NodeList tables = html.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element table = (Element) tables.item(i);
            if (Arrays.asList(table.getAttribute("class").split(" ")).contains("micrographs")) {
                List<List<String>> rows = new ArrayList<>();
                NodeList trs = table.getElementsByTagName("tr");
                for (int r = 0; r < trs.getLength(); r++) {
                    Element tr = (Element) trs.item(r);
                    if (tr.getElementsByTagName("td").getLength() > 0) {
                        rows.add(attributes(tr.getElementsByTagName("img"), "src"));
                    }
                }
                return rows;
            }
        }
        throw new AssertionError("no table with class 'micrographs' in " + dir.resolve("index.html"));
    }

    /** Whether the page reloads itself ({@code <meta http-equiv="refresh">}). */
    boolean refreshes() {
        NodeList metas = html.getElementsByTagName("meta");
        for (int i = 0; i < metas.getLength(); i++) {
            if ("refresh".equalsIgnoreCase(((Element) metas.item(i)).getAttribute("http-equiv"))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> attributes(NodeList elements, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            values.add(((Element) elements.item(i)).getAttribute(name));
        }
        return values;
    }

    /**
     * Checks that {@code file} is a complete PNG: the 8-byte signature, an IHDR chunk first with a positive size,
     * and that it decodes to an image of that size.
     *
     * @return the width and height
     */
    static int[] assertPng(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("referenced image missing: " + file);
        }
        int width;
        int height;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] signature = in.readNBytes(8);
            if (!Arrays.equals(PNG_SIGNATURE, signature)) {
                throw new AssertionError(file + " does not start with the PNG signature: " + Arrays.toString(signature));
            }
            int length = in.readInt();
            byte[] type = in.readNBytes(4);
            if (length != 13 || !"IHDR".equals(new String(type, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new AssertionError(file + ": the first chunk is not a 13-byte IHDR");
            }
            width = in.readInt();
            height = in.readInt();
        }
        if (width <= 0 || height <= 0) {
            throw new AssertionError(file + ": IHDR size " + width + " x " + height);
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        }
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            throw new AssertionError(file + " does not decode to a " + width + " x " + height + " image");
        }
        return new int[] {width, height};
    }
}
