package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the key site, namespace {@code msg}. French here (the default language); English, Dutch, Spanish and
 * German in {@code messages/msg_<lang>.properties}. Method names are the keys, so a notice key from
 * {@link org.caisse.keymanagement.application.site.SiteActionResult} is looked up with {@code msg:message(key)}.
 */
@MessageBundle(value = "msg", locale = "fr")
public interface SiteMessages {

    @Message("Téléchargement des clés Caisse")
    String site_title();

    @Message("Aller au contenu")
    String skip_to_content();

    @Message("Connecté en tant que")
    String signed_in_as();

    @Message("Se déconnecter")
    String sign_out();

    @Message("Affichage")
    String display_settings();

    @Message("Langue")
    String language();

    @Message("Contraste")
    String contrast();

    @Message("Normal")
    String contrast_normal();

    @Message("Contraste élevé")
    String contrast_high();

    @Message("Appliquer")
    String apply();

    @Message("Vos clés")
    String merchant_heading();

    @Message("Identifiant commerçant")
    String merchant_id();

    @Message("Boutique")
    String shop_name();

    @Message("(nom non renseigné)")
    String shop_name_unknown();

    @Message("Clés secrètes de scellement")
    String key_versions_heading();

    @Message("Versions de clé, la plus récente en premier")
    String key_versions_caption();

    @Message("Version")
    String col_version();

    @Message("Environnement")
    String col_environment();

    @Message("Statut")
    String col_status();

    @Message("Créée le")
    String col_created();

    @Message("Valide jusqu'au")
    String col_not_after();

    @Message("Actions")
    String col_actions();

    @Message("Aucune version de clé.")
    String no_key_versions();

    @Message("Active")
    String status_active();

    @Message("En fin de vie")
    String status_deprecated();

    @Message("Désactivée")
    String status_deactivated();

    @Message("Détruite")
    String status_destroyed();

    @Message("Test")
    String env_test();

    @Message("Production")
    String env_production();

    @Message("Nouvelle clé")
    String request_key_heading();

    @Message("Caisse génère une nouvelle version de votre clé secrète. Vous pourrez la télécharger une seule fois, puis l'activer.")
    String request_key_help();

    @Message("Environnement de la clé")
    String environment_label();

    @Message("Demander une nouvelle clé")
    String request_key_button();

    @Message("Activer")
    String activate_button();

    @Message("Désactiver")
    String deactivate_button();

    @Message("Télécharger (une seule fois)")
    String download_button();

    @Message("version")
    String version_label();

    @Message("Clés de chiffrement côté client (CSE)")
    String cse_heading();

    @Message("Paires de clés, la plus récente en premier ; seule la clé publique est affichée")
    String cse_caption();

    @Message("Identifiant (kid)")
    String col_kid();

    @Message("Aucune clé CSE.")
    String no_cse_keys();

    @Message("Générer une clé CSE")
    String generate_cse_button();

    @Message("Vos pages chiffrent les données de carte avec la clé publique publiée ; la clé privée ne quitte jamais Caisse.")
    String cse_help();

    @Message("Cette action n'est pas encore disponible : elle arrive dans une prochaine version de Caisse. Rien n'a été modifié.")
    String notice_not_available_yet();

    @Message("Nouvelle clé CSE créée :")
    String notice_cse_key_generated();

    @Message("Nouvelle version de clé créée ; téléchargez-la maintenant :")
    String notice_key_requested();

    @Message("Version activée :")
    String notice_key_activated();

    @Message("Version désactivée :")
    String notice_key_deactivated();

    @Message("Cette clé a déjà été téléchargée : un secret n'est remis qu'une fois. Demandez une nouvelle clé si vous l'avez perdu.")
    String notice_already_downloaded();

    @Message("Téléchargez d'abord cette version : une clé n'est activée qu'une fois remise.")
    String notice_not_downloaded();

    @Message("C'est la dernière version active : activez-en une autre avant de la désactiver (ou demandez une révocation d'urgence).")
    String notice_last_active_key();

    @Message("Rotation effectuée ; nouvelle version :")
    String notice_rotated();

    @Message("Demande de révocation enregistrée ; un autre gardien doit l'approuver.")
    String notice_revocation_requested();

    @Message("Révocation approuvée et appliquée.")
    String notice_revocation_approved();

    @Message("Vous ne pouvez pas approuver votre propre demande : un second gardien est requis.")
    String notice_own_revocation_request();

    @Message("Action effectuée.")
    String notice_done();

    @Message("Action refusée.")
    String notice_refused();

    @Message("Saisie invalide : vérifiez le formulaire.")
    String notice_invalid_input();

    @Message("Le chevauchement doit être compris entre 1 heure et le maximum indiqué.")
    String notice_overlap_out_of_range();

    @Message("Accès refusé")
    String forbidden_heading();

    @Message("Votre compte n'a pas le droit d'utiliser cette page.")
    String forbidden_text();

    @Message("Le formulaire a expiré ou ne vient pas de cette page. Rechargez la page et recommencez.")
    String csrf_refused_text();

    @Message("Aucun commerçant n'est rattaché à votre compte. Contactez l'administrateur de votre commerce.")
    String no_merchant_text();

    @Message("Retour à l'accueil")
    String back_to_site();

    @Message("Vous êtes déconnecté")
    String signed_out_heading();

    @Message("Votre session est terminée.")
    String signed_out_text();

    @Message("Se reconnecter")
    String sign_in_again();

    @Message("Espace gardiens des clés")
    String custodian_link();

    @Message("Gardiens des clés : clés d'un commerçant")
    String custodian_heading();

    @Message("Identifiant commerçant (15 chiffres)")
    String custodian_search_label();

    @Message("Rechercher")
    String custodian_search_button();

    @Message("Rotation de la clé secrète")
    String rotate_heading();

    @Message("Chevauchement (heures) pendant lequel l'ancienne clé reste valide")
    String overlap_label();

    @Message("Maximum (heures) :")
    String overlap_max();

    @Message("Effectuer la rotation")
    String rotate_button();

    @Message("Révocation d'urgence (double contrôle)")
    String revocation_heading();

    @Message("Motif de la révocation")
    String revocation_reason_label();

    @Message("Demander la révocation")
    String revocation_request_button();

    @Message("Révocations en attente d'approbation")
    String pending_revocations_heading();

    @Message("Aucune demande en attente.")
    String no_pending_revocations();

    @Message("Demandée par")
    String col_requested_by();

    @Message("Motif")
    String col_reason();

    @Message("Approuver")
    String approve_button();

    @Message("Journal d'audit des clés")
    String audit_heading();

    @Message("Date")
    String col_when();

    @Message("Par")
    String col_actor();

    @Message("Action")
    String col_action();

    @Message("Détail")
    String col_detail();

    @Message("Aucune entrée.")
    String audit_empty();

    @Message("Pas encore disponible dans cette version de Caisse.")
    String feature_not_available_yet();

    @Message("Aucune clé pour ce commerçant.")
    String merchant_not_found_text();
}
