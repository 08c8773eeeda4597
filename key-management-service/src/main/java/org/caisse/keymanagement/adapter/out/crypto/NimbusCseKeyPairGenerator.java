package org.caisse.keymanagement.adapter.out.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import org.caisse.keymanagement.application.port.out.CseKeyPairGenerator;
import org.caisse.keymanagement.domain.cse.CseAlgorithms;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CsePrivateJwk;
import org.caisse.keymanagement.domain.cse.CsePublicJwk;

/** P-256 key pairs as JWKs ({@code kid}, {@code use=enc}, {@code alg=ECDH-ES+A256KW}) with Nimbus JOSE. */
@ApplicationScoped
public class NimbusCseKeyPairGenerator implements CseKeyPairGenerator {

    static final JWEAlgorithm ALGORITHM = JWEAlgorithm.parse(CseAlgorithms.KEY_MANAGEMENT);
    static final Curve CURVE = Curve.parse(CseAlgorithms.CURVE);

    @Override
    public GeneratedCseKeyPair generate(CseKeyId id) {
        try {
            ECKey key = new ECKeyGenerator(CURVE)
                    .keyID(id.kid())
                    .keyUse(KeyUse.ENCRYPTION)
                    .algorithm(ALGORITHM)
                    .generate();
            return new GeneratedCseKeyPair(new CsePublicJwk(key.toPublicJWK().toJSONString()),
                    CsePrivateJwk.of(key.toJSONString()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Generating a P-256 key pair failed", e);
        }
    }

    @Override
    public boolean isPairOf(CseKeyId id, CsePublicJwk publicJwk, CsePrivateJwk privateJwk) {
        try {
            JWK publicKey = JWK.parse(publicJwk.json());
            JWK privateKey = JWK.parse(privateJwk.reveal());
            return privateKey instanceof ECKey ec
                    && ec.isPrivate()
                    && CURVE.equals(ec.getCurve())
                    && id.kid().equals(ec.getKeyID())
                    && !publicKey.isPrivate()
                    && ec.toPublicJWK().equals(publicKey);
        } catch (ParseException e) {
            return false;
        }
    }
}
