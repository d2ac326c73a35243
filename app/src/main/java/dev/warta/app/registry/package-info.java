/**
 * warta's embedded, Confluent-compatible schema registry.
 *
 * <p>{@link dev.warta.app.registry.EmbeddedSchemaRegistry} serves, on 127.0.0.1 (default port 8081), the routes
 * Confluent clients use, with Confluent's JSON shapes, content type {@code application/vnd.schemaregistry.v1+json}
 * and error bodies {@code {"error_code":..,"message":..}}:
 * <ul>
 *   <li>{@code GET /}, {@code GET /schemas/types} ({@code ["AVRO"]})</li>
 *   <li>{@code GET /schemas/ids/{id}} ({@code {"schema"}}), {@code .../schema} (raw), {@code .../versions},
 *       {@code .../subjects}</li>
 *   <li>{@code GET /subjects}, {@code POST /subjects/{s}} (lookup), {@code DELETE /subjects/{s}} (soft)</li>
 *   <li>{@code POST /subjects/{s}/versions} ({@code {"id"}}), {@code GET /subjects/{s}/versions},
 *       {@code GET /subjects/{s}/versions/{v|latest}}, {@code .../schema}, {@code .../referencedby}</li>
 *   <li>{@code POST /compatibility/subjects/{s}/versions[/{v|latest}]} ({@code {"is_compatible"}},
 *       {@code ?verbose=true} adds {@code messages})</li>
 *   <li>{@code GET|PUT /config}, {@code GET|PUT|DELETE /config/{s}} ({@code ?defaultToGlobal=true}), {@code GET /mode}</li>
 * </ul>
 * Error codes: 40401 subject, 40402 version, 40403 schema not found, 40408 no subject-level config, 409
 * incompatible, 42201 invalid schema (also non-AVRO types and references), 42202 invalid version, 42203 invalid
 * level, 50001 store error; 404/405 for unknown routes and methods.
 *
 * <p>The rules (ids, versions, compatibility, soft deletes) are {@link dev.warta.schemas.registry.RegistryCatalog}'s,
 * shared with the {@code mem://} registry; {@link dev.warta.app.registry.RegistryService} makes each change durable in
 * a {@link dev.warta.app.registry.RegistryStore} before applying it. {@link dev.warta.app.registry.KafkaRegistryStore}
 * keeps them in the compacted {@code _schemas} topic in Confluent's own record format.
 */
package dev.warta.app.registry;
