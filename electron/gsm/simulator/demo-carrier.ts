/**
 * The demo network of the shop's first market: New Caledonian prepaid data cards, sold by a
 * dealer who tops them up by USSD and checks a customer's data by SMS. Amounts are in XPF,
 * which has no minor unit. Texts are French; some carry Chinese for the shop's customers.
 * The operator, numbers and codes are made up.
 */
import type { CarrierBehaviour } from './carrier';

export const DEMO_CARRIER: CarrierBehaviour = {
  name: 'Nouvelle-Calédonie (démo)',
  operator: { long: 'NC Mobile Demo', short: 'NCMOBILE', numeric: '54601' },
  smsc: '+687900100',
  countryCode: '687',
  utcOffsetMinutes: 11 * 60,
  currency: { code: 'XPF', decimals: 0 },
  dealer: { balance: 250_000, pin: '1234' },
  plans: [
    { choice: '1', name: '1Go', dataMb: 1024, dealerCost: 1_000, validityDays: 30 },
    { choice: '2', name: '5Go', dataMb: 5 * 1024, dealerCost: 5_000, validityDays: 30 },
    { choice: '3', name: '20Go', dataMb: 20 * 1024, dealerCost: 15_000, validityDays: 30 },
  ],
  customers: [
    { number: '687123456', plan: '5Go', remainingMb: 3277, validForDays: 210 },
    { number: '687654321', plan: '1Go', remainingMb: 120, validForDays: 6 },
    { number: '687777888', plan: '20Go', remainingMb: 15_872, validForDays: 29 },
    // The line whose top-up the network takes but never answers (ussd.silentTopUps).
    { number: '687999999', plan: '1Go', remainingMb: 0, validForDays: -4 },
  ],
  ussd: {
    services: {
      '*100#': { run: 'dealer-balance' },
      '*123#': {
        menu: '1 Recharge forfait\n2 Solde',
        choices: {
          '1': {
            ask: 'Numéro client ?',
            into: 'customer',
            next: {
              ask: 'Forfait ? 1=1Go 2=5Go 3=20Go',
              into: 'plan',
              next: { ask: 'Code PIN revendeur ?', into: 'pin', next: { run: 'top-up' } },
            },
          },
          '2': { run: 'dealer-balance' },
        },
      },
      // The same top-up in one round, as carriers offer dealers who know their codes.
      '*123*{customer}*{plan}*{pin}#': { run: 'top-up' },
    },
    silentTopUps: { customers: ['687999999'], applied: true },
    menuTimeoutMs: 90_000,
    firstReference: 48213,
  },
  sms: [{ shortCode: '4012', keyword: 'CXLL', action: 'customer-balance' }],
  texts: {
    dealerBalance: 'Solde revendeur: {balance}',
    topUpDone: 'Recharge {plan} OK pour {customer}. Réf {reference}. Nouveau solde {balance}',
    wrongPin: 'Code PIN revendeur incorrect. Recharge de {customer} annulée.',
    unknownCustomer: 'Numéro client {customer} inconnu. Recharge annulée.',
    unknownPlan: 'Forfait inconnu. Recharge de {customer} annulée.',
    insufficientBalance:
      'Solde revendeur insuffisant ({balance}) pour {plan} de {customer} à {cost}. 经销商余额不足。',
    invalidChoice: 'Choix invalide.',
    unknownService: null,
    customerBalance:
      "Forfait {plan} : il vous reste {remaining} valables jusqu'au {validUntil}. 剩余流量 {remainingGb}，有效期至 {validUntilZh}。",
    smsUnknownCustomer: 'Numéro {customer} inconnu. Envoyez {keyword} suivi du numéro client.',
    smsUnknownCommand: 'Commande inconnue. Envoyez CXLL suivi du numéro client.',
  },
};
