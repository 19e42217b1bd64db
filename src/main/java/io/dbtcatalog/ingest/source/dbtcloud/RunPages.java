package io.dbtcatalog.ingest.source.dbtcloud;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The runs one list filter matches, newest finished first, fetched a page at a time as they are consumed: a page is
 * asked for only when the previous one is used up, and no more once a page comes back short or the pagination's
 * total is reached. {@link #merged} interleaves the runs of several filters (one per job) in the same order.
 */
final class RunPages implements Iterator<Wire.Run> {

    /** dbt Cloud's order of {@code -finished_at}: unfinished runs first, then the newest finished; ties by id. */
    static final Comparator<Wire.Run> NEWEST_FIRST = Comparator.comparing(
                    RunPages::finishedAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(Wire.Run::id, Comparator.nullsLast(Comparator.<Long>reverseOrder()));

    private final AdminApi api;
    private final AdminApi.RunFilter filter;
    private final int limit;
    private final Deque<Wire.Run> page = new ArrayDeque<>();
    private int offset;
    private boolean exhausted;

    RunPages(AdminApi api, AdminApi.RunFilter filter, int limit) {
        this.api = api;
        this.filter = filter;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        while (page.isEmpty() && !exhausted) {
            Wire.RunList list = api.listRuns(filter, offset, limit);
            List<Wire.Run> runs = list.data() == null ? List.of() : list.data();
            page.addAll(runs);
            offset += limit;
            exhausted = runs.size() < limit || offset >= totalCount(list);
        }
        return !page.isEmpty();
    }

    @Override
    public Wire.Run next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.removeFirst();
    }

    /** The runs of every filter's pages in one newest-first order; the first pages are fetched right away. */
    static Iterator<Wire.Run> merged(List<RunPages> sources) {
        if (sources.size() == 1) {
            return sources.get(0);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sources.stream().anyMatch(RunPages::hasNext);
            }

            @Override
            public Wire.Run next() {
                RunPages newest = null;
                for (RunPages pages : sources) {
                    if (pages.hasNext() && (newest == null || NEWEST_FIRST.compare(pages.peek(), newest.peek()) < 0)) {
                        newest = pages;
                    }
                }
                if (newest == null) {
                    throw new NoSuchElementException();
                }
                return newest.next();
            }
        };
    }

    /** The run {@link #next()} returns, without taking it. */
    private Wire.Run peek() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.peekFirst();
    }

    static Instant finishedAt(Wire.Run run) {
        return RunFinder.timestamp(run.finishedAt(), "finished_at of run " + run.id());
    }

    private static int totalCount(Wire.RunList page) {
        if (page.extra() == null
                || page.extra().pagination() == null
                || page.extra().pagination().totalCount() == null) {
            return Integer.MAX_VALUE;
        }
        return page.extra().pagination().totalCount();
    }

    /** One filter per job (one without a job filter when there is none), for {@link #merged}. */
    static List<RunPages> perJob(AdminApi api, DbtCloudSettings settings, int limit) {
        List<RunPages> pages = new ArrayList<>();
        List<Long> jobs = settings.jobIds().isEmpty() ? Collections.singletonList(null) : settings.jobIds();
        for (Long job : jobs) {
            pages.add(new RunPages(
                    api,
                    new AdminApi.RunFilter(
                            settings.projectId(), job, settings.environmentId(), settings.acceptedStatuses()),
                    limit));
        }
        return pages;
    }
}
