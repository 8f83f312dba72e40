package org.scipionj.api.stream;

/** Whether a streaming set may still grow. */
public enum SetState {
    /** More items may come. */
    OPEN,
    /** Nothing more will be appended. */
    CLOSED
}
