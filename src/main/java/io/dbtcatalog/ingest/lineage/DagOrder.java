package io.dbtcatalog.ingest.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders models so that each comes after the models it depends on (input order breaks ties; cycles keep it). */
final class DagOrder {

    private DagOrder() {}

    static List<LineageModel> of(List<LineageModel> models) {
        Map<String, LineageModel> byId = new LinkedHashMap<>();
        models.forEach(model -> byId.putIfAbsent(model.uniqueId(), model));
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        byId.values().forEach(model -> {
            List<String> parents = model.dependsOn().stream()
                    .distinct()
                    .filter(byId::containsKey)
                    .filter(id -> !id.equals(model.uniqueId()))
                    .toList();
            waiting.put(model.uniqueId(), parents.size());
            parents.forEach(parent ->
                    children.computeIfAbsent(parent, id -> new ArrayList<>()).add(model.uniqueId()));
        });
        Deque<String> ready = new ArrayDeque<>();
        byId.keySet().stream().filter(id -> waiting.get(id) == 0).forEach(ready::add);
        List<LineageModel> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            ordered.add(byId.get(id));
            for (String child : children.getOrDefault(id, List.of())) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        byId.values().stream()
                .filter(model -> waiting.get(model.uniqueId()) > 0)
                .forEach(ordered::add);
        return ordered;
    }
}
