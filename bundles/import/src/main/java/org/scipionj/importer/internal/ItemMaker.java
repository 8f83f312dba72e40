package org.scipionj.importer.internal;

import java.nio.file.Path;
import java.util.Map;

import org.scipionj.api.item.Acquisition;
import org.scipionj.api.item.Item;
import org.scipionj.api.item.Micrograph;
import org.scipionj.api.item.Movie;
import org.scipionj.api.protocol.Parameters;

/** Makes the item an import emits for one file whose header was read. Stateless implementations. */
@FunctionalInterface
interface ItemMaker {

    /**
     * @throws IllegalArgumentException saying why this file cannot be such an item
     */
    Item make(long id, Path file, MovieInfo info, double pixelSize, Acquisition optics, Map<String, Object> attributes,
              Parameters p);

    /** A movie: every frame of the file, with the dose and references of the import. */
    ItemMaker MOVIE = (id, file, info, pixel, optics, attrs, p) -> new Movie(id, file.toString(), info.width(),
            info.height(), info.frames(), pixel, p.decimal("dosePerFrame", 0), p.decimal("doseInitial", 0), optics,
            absolute(p, "gainFile"), absolute(p, "darkFile"), attrs);

    /** A micrograph: a single image. */
    ItemMaker MICROGRAPH = (id, file, info, pixel, optics, attrs, p) -> {
        if (info.frames() != 1) {
            throw new IllegalArgumentException("has " + info.frames() + " frames, not one image; import it as movies "
                    + "(ProtImportMovies)");
        }
        return new Micrograph(id, file.toString(), info.width(), info.height(), pixel, optics, null, attrs);
    };

    private static String absolute(Parameters p, String name) {
        Path path = p.path(name);
        return path == null ? null : path.toAbsolutePath().toString();
    }
}
