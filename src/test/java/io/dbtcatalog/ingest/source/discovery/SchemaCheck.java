package io.dbtcatalog.ingest.source.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test code: a small validator of query documents against an SDL file — every selected field must exist on its type
 * (inline fragments switch the type), every argument must be declared, object fields need a sub-selection and leaf
 * fields must not have one. Enough to catch a misspelt or moved field; not a full GraphQL validator.
 */
final class SchemaCheck {

    private static final Pattern TYPE = Pattern.compile("(?m)^(type|interface|input) (\\w+)[^{]*\\{([^}]*)}");
    private static final Pattern FIELD = Pattern.compile("(?m)^\\s+(\\w+)(\\(([^)]*)\\))?: ([\\[\\]\\w!]+)");
    private static final Pattern TOKEN = Pattern.compile("#[^\\n]*|\"[^\"]*\"|\\.\\.\\.|[{}():$!\\[\\],=]|[\\w]+");

    private record Field(String type, Set<String> arguments) {}

    private final Map<String, Map<String, Field>> types = new HashMap<>();
    private List<String> tokens;
    private int at;
    private final List<String> problems = new ArrayList<>();

    SchemaCheck(String sdl) {
        Matcher type = TYPE.matcher(sdl);
        while (type.find()) {
            Map<String, Field> fields = types.computeIfAbsent(type.group(2), name -> new HashMap<>());
            Matcher field = FIELD.matcher(type.group(3));
            while (field.find()) {
                Set<String> arguments = new HashSet<>();
                if (field.group(3) != null) {
                    Matcher argument = Pattern.compile("(\\w+):").matcher(field.group(3));
                    while (argument.find()) {
                        arguments.add(argument.group(1));
                    }
                }
                fields.put(field.group(1), new Field(field.group(4).replaceAll("[\\[\\]!]", ""), arguments));
            }
        }
    }

    /** The problems of one query document; empty when it validates. */
    List<String> problems(String document) {
        tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(document);
        while (token.find()) {
            if (!token.group().startsWith("#") && !token.group().equals(",")) {
                tokens.add(token.group());
            }
        }
        at = 0;
        problems.clear();
        expect("query");
        if (!peek("{") && !peek("(")) {
            at++;
        }
        if (peek("(")) {
            skipParentheses();
        }
        selection("Query");
        return List.copyOf(problems);
    }

    private void selection(String type) {
        expect("{");
        while (!peek("}")) {
            if (peek("...")) {
                at++;
                expect("on");
                String fragmentType = tokens.get(at++);
                if (!types.containsKey(fragmentType)) {
                    problems.add("unknown type " + fragmentType);
                }
                selection(fragmentType);
                continue;
            }
            field(type);
        }
        at++;
    }

    private void field(String type) {
        String name = tokens.get(at++);
        if (peek(":")) {
            at++;
            name = tokens.get(at++);
        }
        Field field = name.equals("__typename")
                ? new Field("String", Set.of())
                : types.get(type).get(name);
        if (field == null) {
            problems.add(type + " has no field " + name);
            field = new Field("?", Set.of());
        }
        if (peek("(")) {
            for (String argument : arguments()) {
                if (!field.arguments().contains(argument)) {
                    problems.add(type + "." + name + " has no argument " + argument);
                }
            }
        }
        boolean object = types.containsKey(field.type());
        if (peek("{")) {
            if (!object && !field.type().equals("?")) {
                problems.add(type + "." + name + " is a leaf (" + field.type() + ") but has a sub-selection");
            }
            selection(object ? field.type() : type);
        } else if (object) {
            problems.add(type + "." + name + " is an object (" + field.type() + ") and needs a sub-selection");
        }
    }

    private List<String> arguments() {
        List<String> names = new ArrayList<>();
        expect("(");
        while (!peek(")")) {
            if (tokens.get(at + 1).equals(":") && !tokens.get(at - 1).equals("$")) {
                names.add(tokens.get(at));
            }
            at++;
        }
        at++;
        return names;
    }

    private void skipParentheses() {
        while (!tokens.get(at++).equals(")")) {
            // variable definitions are not checked
        }
    }

    private boolean peek(String token) {
        return at < tokens.size() && tokens.get(at).equals(token);
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw new IllegalStateException("expected " + token + " at token " + at + " but found "
                    + (at < tokens.size() ? tokens.get(at) : "the end"));
        }
        at++;
    }
}
