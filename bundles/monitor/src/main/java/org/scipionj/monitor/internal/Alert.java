package org.scipionj.monitor.internal;

/**
 * One incident: a condition that became true (a threshold crossed, no new movie, a stage behind) and stays open
 * until the condition is false again. Notified once, when it opens.
 *
 * @param key what the incident is about ({@code ctf.defocus}, {@code stage.5.behind}); one open incident per key
 * @param message what was seen and against which threshold
 * @param openedMillis when it opened
 * @param closedMillis when it closed, 0 while open
 */
record Alert(String key, String message, long openedMillis, long closedMillis) {

    boolean open() {
        return closedMillis == 0;
    }
}
