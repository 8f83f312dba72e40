package org.scipionj.api.protocol;

import java.time.Duration;

/**
 * What a {@link Source} answers after one look: poll again after a delay, or finished (its outputs close).
 *
 * @param done whether the source has ended
 * @param delay how long to wait before the next poll (ignored when finished)
 */
public record Poll(boolean done, Duration delay) {

    public static Poll again(Duration wait) {
        return new Poll(false, wait);
    }

    public static Poll finished() {
        return new Poll(true, Duration.ZERO);
    }
}
