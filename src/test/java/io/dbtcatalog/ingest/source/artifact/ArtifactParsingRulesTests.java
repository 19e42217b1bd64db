package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The small parsing rules: how the command behind a run_results.json is recognised. */
class ArtifactParsingRulesTests {

    private static final JsonMapper JSON = JsonMapper.shared();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"which\": \"build\"}                                      | build    | true",
                "{\"which\": \"generate\", \"rpc_method\": \"docs.generate\"} | generate | false",
                "{\"which\": \"run-operation\"}                              | run-operation | false",
                "{\"which\": \"retry\"}                                      | retry    | true",
                "{\"which\": \"a-future-command\"}                           | a-future-command | true",
                "{\"rpc_method\": \"docs.generate\"}                         | generate | false",
                "{\"rpc_method\": \"test\"}                                  | test     | true",
                "{\"invocation_command\": \"dbt docs generate --target prod\"} | generate | false",
                "{\"invocation_command\": \"dbt --debug seed --full-refresh\"} | seed   | true",
                "{}                                                          |          | true"
            })
    void resultsCommandIsReadFromWhichThenRpcMethodThenInvocationCommand(String args, String name, boolean executing) {
        // when
        ResultsCommand command = ResultsCommand.of(JSON.readTree(args));

        // then
        assertThat(command).isEqualTo(new ResultsCommand(name, executing));
    }
}
