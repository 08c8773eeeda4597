package org.caisse.paymentpage.adapter.in.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the hosted pages. French is the default; other languages live in
 * {@code messages/msg_<lang>.properties}. No message takes shopper or merchant input: such values are
 * written by the templates, escaped.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface PageMessages {

    @Message("Paiement sécurisé")
    String title();

    @Message("Marchand")
    String merchant();

    @Message("Montant à payer")
    String amount();

    @Message("Référence de la commande")
    String reference();

    @Message("Numéro de carte")
    String cardNumber();

    @Message("Date d'expiration (MM/AA)")
    String expiry();

    @Message("Cryptogramme visuel (3 ou 4 chiffres au dos de la carte)")
    String csc();

    @Message("Payer")
    String pay();

    @Message("Annuler et retourner à la boutique")
    String cancel();

    @Message("Le numéro de carte n'est pas valide.")
    String invalidNumber();

    @Message("La date d'expiration n'est pas valide ou est dépassée.")
    String invalidExpiry();

    @Message("Le cryptogramme visuel n'est pas valide.")
    String invalidCsc();

    @Message("Cartes de test")
    String testCardsTitle();

    @Message("Ce marchand est en mode TEST : aucune carte réelle n'est débitée. Choisissez une carte de test selon le scénario voulu.")
    String testCardsIntro();

    @Message("Remplir le formulaire")
    String fillTestCard();

    @Message("Payer avec cette carte")
    String useTestCard();

    @Message("Résultat")
    String testCardOutcome();

    @Message("paiement accepté")
    String scenarioAccepted();

    @Message("paiement refusé")
    String scenarioRefused();

    @Message("demande d'autorisation (appel à la banque)")
    String scenarioReferral();

    @Message("carte expirée")
    String scenarioExpiredCard();

    @Message("service indisponible")
    String scenarioUnavailable();

    @Message("la banque répond trop tard (délai dépassé)")
    String scenarioAcquirerTimeout();

    @Message("carte inscrite, authentification avec défi")
    String threeDsChallenge();

    @Message("carte non inscrite")
    String threeDsNotEnrolled();

    @Message("carte inscrite, authentification sans défi")
    String threeDsFrictionless();

    @Message("serveur d'annuaire indisponible")
    String threeDsDirectoryUnavailable();

    @Message("Cette page de paiement expire le {date}.")
    String sessionExpiresAt(String date);

    @Message("Paiement accepté")
    String outcomeAccepted();

    @Message("Paiement refusé")
    String outcomeRefused();

    @Message("Paiement en attente d'autorisation par votre banque")
    String outcomeReferral();

    @Message("Service momentanément indisponible : votre carte n'a pas été débitée")
    String outcomeUnavailable();

    @Message("Paiement annulé")
    String outcomeCancelled();

    @Message("Session expirée : le paiement n'a pas été effectué")
    String outcomeExpired();

    @Message("Paiement en cours de traitement. Rechargez cette page dans quelques instants.")
    String outcomeProcessing();

    @Message("Carte")
    String card();

    @Message("Code réponse")
    String responseCode();

    @Message("Retour à la boutique")
    String backToShop();

    @Message("Le retour à la boutique est momentanément impossible. Votre ticket reste disponible sur cette page.")
    String backToShopUnavailable();

    @Message("La demande de paiement a été refusée")
    String errorTitle();

    @Message("Motif")
    String errorMeaning();

    @Message("Champ en erreur")
    String errorField();

    @Message("Rien n'a été enregistré. Retournez sur le site du marchand pour recommencer.")
    String errorHint();

    @Message("Page introuvable")
    String notFoundTitle();

    @Message("Cette page de paiement n'existe pas ou n'est plus disponible.")
    String notFoundText();

    @Message("Action refusée")
    String forbiddenTitle();

    @Message("Cette action n'a pas pu être vérifiée. Rien n'a été fait. Rechargez la page de paiement.")
    String forbiddenText();

    @Message("Requête non acceptée")
    String badRequestTitle();

    @Message("Cette requête n'est pas acceptée par la page de paiement (méthode ou format). Rien n'a été fait.")
    String badRequestText();

    @Message("Erreur inattendue")
    String unexpectedTitle();

    @Message("Une erreur inattendue est survenue. Rien n'a été débité.")
    String unexpectedText();

    // branding, limits

    @Message("Trop de tentatives de saisie de carte : le paiement a été arrêté. Aucun montant n'a été débité.")
    String attemptsExceeded();

    @Message("Message du marchand")
    String merchantMessage();
}
