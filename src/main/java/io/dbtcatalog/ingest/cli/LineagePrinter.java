package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.store.query.LineageEdge;
import io.dbtcatalog.ingest.store.query.LineageGraph;
import io.dbtcatalog.ingest.store.query.NodeKey;
import io.dbtcatalog.ingest.store.query.NodeSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link LineageGraph}: as a table by step (text), as a Mermaid flowchart or as a Graphviz digraph. The
 * diagrams group nodes by project and draw cross-project edges dashed.
 */
final class LineagePrinter {

    private LineagePrinter() {}

    static void text(PrintStream out, LineageGraph graph, boolean tests) {
        out.println("lineage of " + graph.root().key().label() + " (" + steps(graph.up()) + " up, "
                + steps(graph.down()) + " down" + (tests ? "" : ", tests left out") + ")");
        TextTable table = new TextTable("step", "type", "node");
        graph.upstream()
                .forEach(n -> table.row(String.valueOf(n.distance()), n.node().resourceType(), label(graph, n)));
        table.row("0", graph.root().resourceType(), graph.root().key().label() + "  <-");
        graph.downstream().forEach(n -> table.row("+" + n.distance(), n.node().resourceType(), label(graph, n)));
        table.print(out, "  ");
        long crossing = graph.edges().stream().filter(LineageEdge::crossProject).count();
        out.println(graph.nodes().size() + " nodes, " + graph.edges().size() + " edges"
                + (crossing == 0 ? "" : " (" + crossing + " across projects)"));
    }

    static void mermaid(PrintStream out, LineageGraph graph) {
        Map<NodeKey, String> ids = ids(graph);
        out.println("flowchart LR");
        byProject(graph).forEach((project, nodes) -> {
            out.println("  subgraph " + mermaidId(project) + "[\"" + mermaidText(project) + "\"]");
            for (NodeSummary node : nodes) {
                String label = mermaidText(node.displayName()) + "<br/><small>" + node.resourceType() + "</small>";
                out.println("    " + ids.get(node.key()) + "[\"" + label + "\"]");
            }
            out.println("  end");
        });
        for (LineageEdge edge : graph.edges()) {
            out.println(
                    "  " + ids.get(edge.parent()) + (edge.crossProject() ? " -.-> " : " --> ") + ids.get(edge.child()));
        }
        out.println("  style " + ids.get(graph.root().key()) + " stroke-width:3px");
    }

    static void dot(PrintStream out, LineageGraph graph) {
        out.println("digraph lineage {");
        out.println("  rankdir=LR;");
        out.println("  node [shape=box, fontname=\"Helvetica\"];");
        byProject(graph).forEach((project, nodes) -> {
            out.println("  subgraph " + dotText("cluster_" + project) + " {");
            out.println("    label=" + dotText(project) + ";");
            for (NodeSummary node : nodes) {
                String style = node.key().equals(graph.root().key()) ? ", penwidth=3" : "";
                out.println("    " + dotText(node.key().label()) + " [label="
                        + dotText(node.displayName() + "\n" + node.resourceType()) + style + "];");
            }
            out.println("  }");
        });
        for (LineageEdge edge : graph.edges()) {
            out.println("  " + dotText(edge.parent().label()) + " -> "
                    + dotText(edge.child().label()) + (edge.crossProject() ? " [style=dashed];" : ";"));
        }
        out.println("}");
    }

    private static String label(LineageGraph graph, LineageGraph.LineageNode node) {
        boolean elsewhere =
                !node.node().key().projectKey().equals(graph.root().key().projectKey());
        return node.node().key().label() + (elsewhere ? "  (other project)" : "");
    }

    private static String steps(int steps) {
        return steps >= 100 ? "all" : String.valueOf(steps);
    }

    /** Every node of the graph, the root included, grouped by project in the order first met. */
    private static Map<String, List<NodeSummary>> byProject(LineageGraph graph) {
        List<NodeSummary> all = new ArrayList<>();
        graph.upstream().forEach(n -> all.add(n.node()));
        all.add(graph.root());
        graph.downstream().forEach(n -> all.add(n.node()));
        Map<String, List<NodeSummary>> groups = new LinkedHashMap<>();
        all.forEach(n -> groups.computeIfAbsent(n.key().projectKey(), p -> new ArrayList<>())
                .add(n));
        return groups;
    }

    private static Map<NodeKey, String> ids(LineageGraph graph) {
        Map<NodeKey, String> ids = new LinkedHashMap<>();
        byProject(graph).values().forEach(nodes -> nodes.forEach(n -> ids.put(n.key(), "n" + ids.size())));
        return ids;
    }

    /** Mermaid subgraph ids: letters, digits and underscores only. */
    private static String mermaidId(String project) {
        return "p_" + project.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** Text inside a Mermaid quoted label: quotes and angle brackets as entity codes. */
    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }

    /** A Graphviz quoted string: backslashes and quotes escaped, line breaks as {@code \n}. */
    private static String dotText(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
