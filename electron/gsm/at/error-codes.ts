/**
 * Meanings of `+CME ERROR: <n>` (3GPP TS 27.007 §9.2) and `+CMS ERROR: <n>` (TS 27.005
 * §3.2.5). Each code maps to a stable `id` the interface can translate and an English message
 * for logs. Modems in verbose mode (`AT+CMEE=2`) print the message instead of the number, so
 * the tables are also searched by message.
 */

interface ErrorMeaning {
  id: string;
  message: string;
}

type Table = ReadonlyMap<number, ErrorMeaning>;

function table(rows: ReadonlyArray<readonly [number, string, string]>): Table {
  return new Map(rows.map(([code, id, message]) => [code, { id, message }]));
}

export const cmeErrors: Table = table([
  [0, 'phone_failure', 'phone failure'],
  [1, 'no_connection', 'no connection to phone'],
  [2, 'link_reserved', 'phone-adaptor link reserved'],
  [3, 'not_allowed', 'operation not allowed'],
  [4, 'not_supported', 'operation not supported'],
  [5, 'ph_sim_pin_required', 'PH-SIM PIN required'],
  [6, 'ph_fsim_pin_required', 'PH-FSIM PIN required'],
  [7, 'ph_fsim_puk_required', 'PH-FSIM PUK required'],
  [10, 'sim_not_inserted', 'SIM not inserted'],
  [11, 'sim_pin_required', 'SIM PIN required'],
  [12, 'sim_puk_required', 'SIM PUK required'],
  [13, 'sim_failure', 'SIM failure'],
  [14, 'sim_busy', 'SIM busy'],
  [15, 'sim_wrong', 'SIM wrong'],
  [16, 'incorrect_password', 'incorrect password'],
  [17, 'sim_pin2_required', 'SIM PIN2 required'],
  [18, 'sim_puk2_required', 'SIM PUK2 required'],
  [20, 'memory_full', 'memory full'],
  [21, 'invalid_index', 'invalid index'],
  [22, 'not_found', 'not found'],
  [23, 'memory_failure', 'memory failure'],
  [24, 'text_too_long', 'text string too long'],
  [25, 'invalid_text_characters', 'invalid characters in text string'],
  [26, 'dial_string_too_long', 'dial string too long'],
  [27, 'invalid_dial_characters', 'invalid characters in dial string'],
  [30, 'no_network_service', 'no network service'],
  [31, 'network_timeout', 'network timeout'],
  [32, 'emergency_calls_only', 'network not allowed - emergency calls only'],
  [40, 'network_pin_required', 'network personalization PIN required'],
  [41, 'network_puk_required', 'network personalization PUK required'],
  [42, 'network_subset_pin_required', 'network subset personalization PIN required'],
  [43, 'network_subset_puk_required', 'network subset personalization PUK required'],
  [44, 'service_provider_pin_required', 'service provider personalization PIN required'],
  [45, 'service_provider_puk_required', 'service provider personalization PUK required'],
  [46, 'corporate_pin_required', 'corporate personalization PIN required'],
  [47, 'corporate_puk_required', 'corporate personalization PUK required'],
  [50, 'incorrect_parameters', 'incorrect parameters'],
  [100, 'unknown', 'unknown'],
  [103, 'illegal_ms', 'illegal MS'],
  [106, 'illegal_me', 'illegal ME'],
  [107, 'gprs_not_allowed', 'GPRS services not allowed'],
  [111, 'plmn_not_allowed', 'PLMN not allowed'],
  [112, 'location_area_not_allowed', 'location area not allowed'],
  [113, 'roaming_not_allowed', 'roaming not allowed in this location area'],
  [132, 'service_option_not_supported', 'service option not supported'],
  [133, 'service_option_not_subscribed', 'requested service option not subscribed'],
  [134, 'service_option_out_of_order', 'service option temporarily out of order'],
  [148, 'gprs_unspecified', 'unspecified GPRS error'],
  [149, 'pdp_authentication_failure', 'PDP authentication failure'],
  [150, 'invalid_mobile_class', 'invalid mobile class'],
  // Not in 27.007 but printed by Huawei, SIMCom and Wavecom modules while the SIM or the
  // firmware is still starting: like 14, it means "retry later".
  [515, 'busy_retry_later', 'please wait, init or command processing in progress'],
]);

export const cmsErrors: Table = table([
  // 0..127: RP-cause values of TS 24.011 (the network refused the message).
  [1, 'unassigned_number', 'unassigned (unallocated) number'],
  [8, 'operator_barring', 'operator determined barring'],
  [10, 'call_barred', 'call barred'],
  [21, 'transfer_rejected', 'short message transfer rejected'],
  [27, 'destination_out_of_service', 'destination out of service'],
  [28, 'unidentified_subscriber', 'unidentified subscriber'],
  [29, 'facility_rejected', 'facility rejected'],
  [30, 'unknown_subscriber', 'unknown subscriber'],
  [38, 'network_out_of_order', 'network out of order'],
  [41, 'temporary_failure', 'temporary failure'],
  [42, 'congestion', 'congestion'],
  [47, 'resources_unavailable', 'resources unavailable, unspecified'],
  [50, 'facility_not_subscribed', 'requested facility not subscribed'],
  [69, 'facility_not_implemented', 'requested facility not implemented'],
  [81, 'invalid_reference', 'invalid short message transfer reference value'],
  [95, 'invalid_message', 'invalid message, unspecified'],
  [96, 'invalid_mandatory_information', 'invalid mandatory information'],
  [97, 'message_type_unknown', 'message type non-existent or not implemented'],
  [98, 'message_not_compatible', 'message not compatible with short message protocol state'],
  [99, 'information_element_unknown', 'information element non-existent or not implemented'],
  [111, 'protocol_error', 'protocol error, unspecified'],
  [127, 'interworking_unspecified', 'interworking, unspecified'],
  // 300..500: errors of the modem or the SIM (TS 27.005 §3.2.5).
  [300, 'me_failure', 'ME failure'],
  [301, 'sms_service_reserved', 'SMS service of ME reserved'],
  [302, 'not_allowed', 'operation not allowed'],
  [303, 'not_supported', 'operation not supported'],
  [304, 'invalid_pdu_parameter', 'invalid PDU mode parameter'],
  [305, 'invalid_text_parameter', 'invalid text mode parameter'],
  [310, 'sim_not_inserted', 'SIM not inserted'],
  [311, 'sim_pin_required', 'SIM PIN required'],
  [312, 'ph_sim_pin_required', 'PH-SIM PIN required'],
  [313, 'sim_failure', 'SIM failure'],
  [314, 'sim_busy', 'SIM busy'],
  [315, 'sim_wrong', 'SIM wrong'],
  [316, 'sim_puk_required', 'SIM PUK required'],
  [317, 'sim_pin2_required', 'SIM PIN2 required'],
  [318, 'sim_puk2_required', 'SIM PUK2 required'],
  [320, 'memory_failure', 'memory failure'],
  [321, 'invalid_memory_index', 'invalid memory index'],
  [322, 'memory_full', 'memory full'],
  [330, 'smsc_address_unknown', 'SMSC address unknown'],
  [331, 'no_network_service', 'no network service'],
  [332, 'network_timeout', 'network timeout'],
  [340, 'no_cnma_expected', 'no +CNMA acknowledgement expected'],
  [500, 'unknown', 'unknown error'],
]);

/** The meaning of a +CME ERROR code; codes missing from the table still get a stable id. */
export function describeCmeError(code: number): ErrorMeaning {
  return (
    cmeErrors.get(code) ?? {
      id: code >= 256 ? 'vendor_specific' : 'unknown',
      message: `mobile equipment error ${code}`,
    }
  );
}

/** The meaning of a +CMS ERROR code, falling back on the ranges 27.005 reserves. */
export function describeCmsError(code: number): ErrorMeaning {
  const known = cmsErrors.get(code);
  if (known) return known;
  if (code < 128)
    return { id: 'network_refused', message: `network refused the message (RP cause ${code})` };
  if (code < 256) return { id: 'delivery_failed', message: `TP failure cause ${code}` };
  if (code >= 512) return { id: 'vendor_specific', message: `manufacturer specific error ${code}` };
  return { id: 'unknown', message: `message service error ${code}` };
}

function byMessage(errors: Table, text: string): number | undefined {
  const wanted = text.trim().toLowerCase();
  for (const [code, meaning] of errors) {
    if (meaning.message.toLowerCase() === wanted) return code;
  }
  return undefined;
}

/** The code of a verbose +CME ERROR text (`+CME ERROR: SIM busy` → 14), if it is a known one. */
export function cmeCodeFromText(text: string): number | undefined {
  return byMessage(cmeErrors, text);
}

/** The code of a verbose +CMS ERROR text, if it is a known one. */
export function cmsCodeFromText(text: string): number | undefined {
  return byMessage(cmsErrors, text);
}
