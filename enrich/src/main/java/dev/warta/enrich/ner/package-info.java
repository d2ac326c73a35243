/**
 * Named-entity tagging for Indonesian and English news.
 *
 * <p>{@link dev.warta.enrich.ner.EntityTagger} is the entry point: a trained first-order averaged-perceptron
 * sequence model over hashed features (trained by {@link dev.warta.enrich.ner.TrainNer} on the NER corpus
 * families, shipped as {@code ner-model.bin.gz}; its features include distributional
 * {@link dev.warta.enrich.ner.WordClusters} built from unlabelled text and a {@link dev.warta.enrich.ner.NerLexicon}
 * of the names the training data annotated), rules for news patterns, and a hand-written
 * {@link dev.warta.enrich.ner.Gazetteer} ({@code gazetteer.tsv}) that gives canonical names and Wikidata QIDs.
 * {@link dev.warta.enrich.ner.ConllTagging} is the {@code warta ner} I/O (it tags a file with the annotation
 * convention of the training family that {@link dev.warta.enrich.ner.ConventionDetector} finds closest);
 * {@code ./warta-tools ner} measures F1 per corpus family and the cost per sentence, and
 * {@code ./warta-tools ner-errors} breaks the errors down (wrong type, wrong boundary, missed, spurious).
 */
package dev.warta.enrich.ner;
