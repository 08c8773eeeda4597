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

    @Message("Référence du paiement")
    String reference();

    @Message("Numéro de commande du marchand")
    String orderId();

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

    // 3-D Secure, brands, tickets

    @Message("Confirmation par votre banque")
    String threeDsTitle();

    @Message("Votre banque vous demande de confirmer ce paiement (3-D Secure). Continuez pour vous authentifier auprès d'elle.")
    String threeDsIntro();

    @Message("Continuer")
    String threeDsContinue();

    @Message("Authentification bancaire simulée (mode TEST)")
    String acsTitle();

    @Message("Cette page remplace celle de la banque du porteur : ce marchand est en mode TEST. Choisissez le résultat de l'authentification à simuler.")
    String acsIntro();

    @Message("Le porteur s'est authentifié : le paiement est présenté à la banque avec le transfert de responsabilité.")
    String acsSuccessText();

    @Message("La banque n'a pas pu authentifier mais atteste la tentative : le paiement est présenté à la banque avec le transfert de responsabilité.")
    String acsAttemptText();

    @Message("L'authentification a échoué : le paiement est refusé (05) sans être présenté à la banque.")
    String acsFailureText();

    @Message("Le porteur a abandonné l'authentification : le paiement est annulé (17).")
    String acsCancelledText();

    @Message("Une erreur technique a empêché l'authentification : le paiement est présenté à la banque sans garantie, ou refusé (63) si le marchand exige 3-D Secure.")
    String acsErrorText();

    @Message("Type de carte")
    String brandLegend();

    @Message("Ce numéro de carte n'appartient pas au type de carte choisi.")
    String invalidBrand();

    @Message("Carte détectée :")
    String hintDetected();

    @Message("Ce numéro semble erroné, vérifiez-le.")
    String hintLooksWrong();

    @Message("Authentification échouée : paiement refusé")
    String outcomeAuthenticationFailed();

    @Message("Votre paiement a été accepté. Retournez à la boutique pour terminer votre commande.")
    String ticketAcceptedText();

    @Message("Votre banque a refusé le paiement. Votre carte n'a pas été débitée ; vous pouvez essayer une autre carte depuis la boutique.")
    String ticketRefusedText();

    @Message("Votre banque doit encore donner son accord. Le marchand attend sa décision et vous contactera.")
    String ticketReferralText();

    @Message("Le service de paiement ou votre banque n'a pas pu être joint. Réessayez plus tard depuis la boutique.")
    String ticketUnavailableText();

    @Message("Vous avez annulé le paiement. Rien n'a été débité.")
    String ticketCancelledText();

    @Message("Le temps imparti pour payer est écoulé. Rien n'a été débité ; recommencez depuis la boutique.")
    String ticketExpiredText();

    @Message("Votre banque n'a pas pu confirmer votre identité (3-D Secure) : le paiement est refusé et votre carte n'a pas été débitée.")
    String ticketAuthenticationFailedText();

    @Message("Retour à la boutique")
    String autoReturnTitle();

    @Message("Vous allez être redirigé vers la boutique. Si rien ne se passe, appuyez sur le bouton.")
    String autoReturnText();
}
