package io.dbtcatalog.ingest.webhook;

import java.nio.charset.StandardCharsets;

/** Webhook bodies shaped as dbt Cloud sends them (ids in {@code data} as strings, {@code accountId} a number). */
final class TestEvents {

    private TestEvents() {}

    static byte[] event(String type, long account, long project, long job, long environment, long run, int status) {
        return """
                {"accountId": %d, "webhooksID": "wsu_12345abcde", "eventId": "wev_%s_%d",
                 "timestamp": "2026-08-01T06:07:11.742843678Z", "eventType": "%s", "webhookName": "catalog",
                 "data": {"jobId": "%d", "jobName": "Daily build", "runId": "%d", "environmentId": "%d",
                          "environmentName": "Production", "dbtVersion": "1.8.0", "projectName": "analytics",
                          "projectId": "%d", "runStatus": "%s", "runStatusCode": %d, "runStatusMessage": "None",
                          "runReason": "Kicked off by schedule", "runStartedAt": "2026-08-01T06:00:10Z",
                          "runFinishedAt": "2026-08-01T06:07:10Z"}}""".formatted(
                        account,
                        type.replace("job.run.", ""),
                        run,
                        type,
                        job,
                        run,
                        environment,
                        project,
                        status == 10 ? "Success" : status == 20 ? "Error" : "Cancelled",
                        status)
                .getBytes(StandardCharsets.UTF_8);
    }
}
