/**
 * warta ingest: turns files, feeds, WARCs, inbox drops and HTTP posts into {@code RawArticle} records on
 * {@code news.raw} (keyed by a stable article id, see {@link dev.warta.ingest.ArticleIds}), with everything unreadable
 * on {@code news.dlq}.
 *
 * <ul>
 *   <li>No Kafka: {@link dev.warta.ingest.Sources#forEach} / {@link dev.warta.ingest.Sources#read} give
 *       {@link dev.warta.ingest.Item}s (article, dead letter, skipped) per file; provenance {@code path} or
 *       {@code path#N} (N from 1: JSONL line, WARC record).</li>
 *   <li>One call for the CLI: {@link dev.warta.ingest.IngestService#start} with a
 *       {@link dev.warta.ingest.sink.KafkaArticleSink} (built from client configs) and
 *       {@link dev.warta.ingest.IngestService.Options}.</li>
 *   <li>Pieces: {@link dev.warta.ingest.IngestRunner} (bulk load, feed polls, counters in
 *       {@link dev.warta.ingest.IngestStats}), {@link dev.warta.ingest.watch.InboxWatcher},
 *       {@link dev.warta.ingest.http.HttpIngestServer}, {@link dev.warta.ingest.Publisher} (repeat / update decisions
 *       from the seen index in the compacted topic {@link dev.warta.ingest.IngestTopics#SEEN}).</li>
 * </ul>
 */
package dev.warta.ingest;
