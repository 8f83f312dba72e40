package org.scipionj.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.scipionj.api.project.OutputInfo;
import org.scipionj.api.project.RunInfo;
import org.scipionj.core.internal.store.ProjectStore;
import org.scipionj.core.internal.store.RunRecord;
import org.scipionj.core.internal.store.SetRow;

/** Builds {@link RunInfo} snapshots from the store: counts and output sets as committed. */
public final class RunInfos {

    private RunInfos() {
    }

    public static List<RunInfo> all(ProjectStore store) {
        List<RunInfo> infos = new ArrayList<>();
        for (RunRecord r : store.runs()) {
            infos.add(of(store, r));
        }
        return infos;
    }

    public static RunInfo of(ProjectStore store, RunRecord r) {
        long[] counts = store.counts(r.id());
        List<OutputInfo> outputs = new ArrayList<>();
        for (SetRow set : store.setsOf(r.id())) {
            outputs.add(new OutputInfo(set.name(), set.itemType(), store.size(set.name()), set.state()));
        }
        return new RunInfo(r.id(), r.label(), r.className(), r.protocolId(), r.status(), counts[0], counts[1],
                r.inputs(), r.params(), outputs, r.error(), r.bundle());
    }
}
