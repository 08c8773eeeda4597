package org.caisse.paymentpage.application;

/** The form fields of a Paypage POST (SIPS.md §2), as received. */
public record PaypagePost(String data, String seal, String interfaceVersion, String encode, String sealAlgorithm) {

    @Override
    public String toString() {
        return "PaypagePost[interfaceVersion=" + interfaceVersion + ", encode=" + encode + ", sealAlgorithm=" + sealAlgorithm + "]";
    }
}
