package io.dbtcatalog.ingest.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The shape of a synthetic dbt project of N models: how many of each resource there are, and the layered DAG
 * (sources and seeds, staging, intermediate, marts, exposures) as index arrays with their inverse. Holds only ints,
 * so the layout of 50,000 models stays a few MB; all text is produced on demand by {@link SpecFactory}.
 */
final class DagLayout {

    private static final int HUB_SHARE = 100;

    final int models;
    final int stagingEnd;
    final int intermediateEnd;
    final int sources;
    final int seeds;
    final int exposures;
    private final int[][] modelParents;
    private final int[] sourceParent;
    private final int[] seedParent;
    private final int[][] exposureParents;
    private final int[][] modelChildren;
    private final int[][] relationshipChildren;
    private final int[][] exposuresOf;
    private final int[][] sourceChildren;
    private final int[][] seedChildren;

    DagLayout(int models, long seed) {
        if (models < 10) {
            throw new IllegalArgumentException("a synthetic project needs at least 10 models, got " + models);
        }
        this.models = models;
        this.stagingEnd = models * 3 / 10;
        this.intermediateEnd = stagingEnd + models * 4 / 10;
        this.sources = Math.max(1, models / 20);
        this.seeds = Math.max(1, models / 100);
        this.exposures = Math.max(2, models / 1000);
        Random random = new Random(seed);
        this.modelParents = new int[models][];
        this.sourceParent = new int[models];
        this.seedParent = new int[models];
        Arrays.fill(sourceParent, -1);
        Arrays.fill(seedParent, -1);
        for (int i = 0; i < models; i++) {
            wireModel(i, random);
        }
        this.exposureParents = new int[exposures][];
        for (int e = 0; e < exposures; e++) {
            exposureParents[e] = pickWithHubs(random, intermediateEnd, models, 3);
        }
        this.modelChildren = invert(modelParents, models);
        this.relationshipChildren = invertRelationships();
        this.exposuresOf = invert(exposureParents, models);
        this.sourceChildren = invert(wrap(sourceParent), sources);
        this.seedChildren = invert(wrap(seedParent), seeds);
    }

    private void wireModel(int i, Random random) {
        if (i < stagingEnd) {
            modelParents[i] = new int[0];
            sourceParent[i] = i % sources;
            if (i % 10 == 7) {
                seedParent[i] = i % seeds;
            }
        } else if (i < intermediateEnd) {
            modelParents[i] = pickWithHubs(random, 0, i, 2 + random.nextInt(3));
        } else {
            int from = random.nextInt(4) == 0 ? 0 : stagingEnd;
            modelParents[i] = pickWithHubs(random, from, intermediateEnd, 2 + random.nextInt(5));
        }
    }

    /** Distinct parents in {@code [from, to)}; one in five picks goes to the first 1% of that range (fan-out hubs). */
    private static int[] pickWithHubs(Random random, int from, int to, int count) {
        Set<Integer> chosen = new LinkedHashSet<>();
        int hubs = Math.max(1, (to - from) / HUB_SHARE);
        while (chosen.size() < Math.min(count, to - from)) {
            boolean hub = random.nextInt(5) == 0;
            chosen.add(from + random.nextInt(hub ? hubs : to - from));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[][] wrap(int[] single) {
        int[][] wrapped = new int[single.length][];
        for (int i = 0; i < single.length; i++) {
            wrapped[i] = single[i] < 0 ? new int[0] : new int[] {single[i]};
        }
        return wrapped;
    }

    private static int[][] invert(int[][] parentsByChild, int parentCount) {
        List<List<Integer>> children = new ArrayList<>(parentCount);
        for (int p = 0; p < parentCount; p++) {
            children.add(new ArrayList<>(2));
        }
        for (int child = 0; child < parentsByChild.length; child++) {
            for (int parent : parentsByChild[child]) {
                children.get(parent).add(child);
            }
        }
        return children.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    private int[][] invertRelationships() {
        int[][] target = new int[models][];
        for (int i = 0; i < models; i++) {
            target[i] = hasRelationship(i) ? new int[] {relationshipTarget(i)} : new int[0];
        }
        return invert(target, models);
    }

    Layer layer(int model) {
        return model < stagingEnd ? Layer.STAGING : model < intermediateEnd ? Layer.INTERMEDIATE : Layer.MARTS;
    }

    int[] modelParents(int model) {
        return modelParents[model];
    }

    /** The source table a staging model selects from, or -1. */
    int sourceParent(int model) {
        return sourceParent[model];
    }

    /** The seed a staging model joins, or -1. */
    int seedParent(int model) {
        return seedParent[model];
    }

    int[] exposureParents(int exposure) {
        return exposureParents[exposure];
    }

    int[] modelChildren(int model) {
        return modelChildren[model];
    }

    /** Models whose relationships test points at this model. */
    int[] relationshipChildren(int model) {
        return relationshipChildren[model];
    }

    int[] exposuresOf(int model) {
        return exposuresOf[model];
    }

    int[] sourceChildren(int source) {
        return sourceChildren[source];
    }

    int[] seedChildren(int seed) {
        return seedChildren[seed];
    }

    /** Every fourth non-staging model has a relationships test from its second column to its first parent. */
    boolean hasRelationship(int model) {
        return model >= stagingEnd && model % 4 == 0;
    }

    int relationshipTarget(int model) {
        return modelParents[model][0];
    }

    int testsOf(int model) {
        return hasRelationship(model) ? 4 : 3;
    }

    String materialization(int model) {
        return switch (layer(model)) {
            case STAGING -> "view";
            case INTERMEDIATE -> model % 10 == 3 ? "ephemeral" : model % 2 == 0 ? "view" : "table";
            case MARTS -> model % 3 == 0 ? "incremental" : "table";
        };
    }

    boolean ephemeral(int model) {
        return "ephemeral".equals(materialization(model));
    }

    /** Half the models are reported by the warehouse with upper-cased column names (Snowflake style). */
    boolean upperCaseInWarehouse(int model) {
        return model % 2 == 1;
    }

    /** The three layers of a dbt project's models. */
    enum Layer {
        STAGING("stg", "staging"),
        INTERMEDIATE("int", "intermediate"),
        MARTS("fct", "marts");

        final String prefix;
        final String schema;

        Layer(String prefix, String schema) {
            this.prefix = prefix;
            this.schema = schema;
        }
    }
}
