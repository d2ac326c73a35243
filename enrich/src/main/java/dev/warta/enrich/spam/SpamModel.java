package dev.warta.enrich.spam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Logistic regression over {@link SpamFeatures} hashed features, values scaled by 1/sqrt(feature count).
 * Weights are stored quantised to 16 bits in a gzip file ({@value #RESOURCE}). Immutable after loading.
 */
final class SpamModel {
    static final String RESOURCE = "/dev/warta/enrich/spam/spam-model.bin.gz";
    private static final int MAGIC = 0x5753504d; // "WSPM"

    private final float[] weights;
    private final float bias;

    SpamModel(float[] weights, float bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** Raw score (log-odds) of the features. */
    double logit(int[] features) {
        if (features.length == 0) {
            return bias;
        }
        double scale = 1.0 / Math.sqrt(features.length);
        double z = 0;
        for (int f : features) {
            z += weights[f];
        }
        return bias + z * scale;
    }

    /** Loads the shipped model; fails loudly if the resource is missing (a packaging bug). */
    static SpamModel load() {
        try (InputStream in = SpamModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("spam model resource missing: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpamModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a warta spam model");
        }
        int dim = in.readInt();
        float bias = in.readFloat();
        float step = in.readFloat();
        float[] w = new float[dim];
        for (int i = 0; i < dim; i++) {
            w[i] = in.readShort() * step;
        }
        return new SpamModel(w, bias);
    }

    void write(OutputStream raw) throws IOException {
        float max = 1e-6f;
        for (float v : weights) {
            max = Math.max(max, Math.abs(v));
        }
        float step = max / Short.MAX_VALUE;
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(weights.length);
        out.writeFloat(bias);
        out.writeFloat(step);
        for (float v : weights) {
            out.writeShort(Math.round(v / step));
        }
        out.flush();
        gz.finish();
    }
}
