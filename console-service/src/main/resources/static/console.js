'use strict';
// Report text is data: every value reaches the page through textContent, never as markup.

const FILTERS = ['region', 'severity', 'qualification', 'maliciousness', 'category', 'tlp', 'provider'];
const rows = new Map();
let source = null;
let deadlinesShown = [];

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function query() {
  const form = document.getElementById('filters');
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

async function json(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
  return response.json();
}

function verdictRow(card) {
  const row = el('tr');
  row.dataset.incidentId = card.incidentId;
  row.append(el('td', new Date(card.receivedAt).toLocaleString('fr-FR')),
    el('td', card.establishmentName), el('td', card.regionCode || '—'), el('td', card.category),
    el('td', card.severity, 'sev-' + card.severity), el('td', card.tlp || '—'), el('td', card.summary));
  row.addEventListener('click', () => showIncident(card.incidentId));
  return row;
}

function showVerdict(card, fresh) {
  const body = document.getElementById('verdicts');
  const row = verdictRow(card);
  if (fresh) row.classList.add('fresh');
  const known = rows.get(card.incidentId);
  if (known) known.remove();
  rows.set(card.incidentId, row);
  body.prepend(row);
  document.getElementById('count').textContent = '(' + rows.size + ')';
}

function campaignItem(campaign) {
  const item = el('li', campaign.rule + ' · ' + campaign.key + ' · ' + campaign.members.length + ' incidents · '
    + campaign.regionCodes.join(', ') + ' · ' + campaign.state);
  item.dataset.campaignId = campaign.campaignId;
  item.addEventListener('click', () => showCampaign(campaign.campaignId));
  return item;
}

function showCampaignItem(campaign) {
  const list = document.getElementById('campaign-list');
  const old = list.querySelector('[data-campaign-id="' + CSS.escape(campaign.campaignId) + '"]');
  if (old) old.remove();
  list.prepend(campaignItem(campaign));
}

function exports(kind, id) {
  const links = document.getElementById('detail-exports');
  links.replaceChildren();
  links.className = 'exports';
  for (const format of ['stix', 'misp']) {
    const link = el('a', format === 'stix' ? 'Export STIX 2.1' : 'Export MISP');
    link.href = '/api/' + kind + '/' + encodeURIComponent(id) + '/' + format;
    link.id = 'export-' + format;
    links.append(link);
  }
}

function fields(pairs) {
  const list = document.getElementById('detail-fields');
  list.replaceChildren();
  for (const [name, value] of pairs) list.append(el('dt', name), el('dd', value === null || value === undefined ? '—' : value));
}

function countdown(dueAt) {
  const left = new Date(dueAt).getTime() - Date.now();
  const minutes = Math.floor(Math.abs(left) / 60000);
  const text = Math.floor(minutes / 60) + ' h ' + (minutes % 60) + ' min';
  return left < 0 ? 'en retard de ' + text : 'dans ' + text;
}

function renderDeadlines() {
  const list = document.getElementById('detail-deadlines');
  list.replaceChildren();
  if (deadlinesShown.length === 0) list.append(el('li', 'aucune'));
  for (const deadline of deadlinesShown) {
    const overdue = new Date(deadline.dueAt).getTime() < Date.now();
    list.append(el('li', deadline.duty + ' : ' + new Date(deadline.dueAt).toLocaleString('fr-FR') + ' (' + countdown(deadline.dueAt) + ')',
      overdue ? 'overdue' : ''));
  }
}

async function showIncident(incidentId) {
  const detail = await json('/api/incidents/' + encodeURIComponent(incidentId));
  const card = detail.latest;
  document.getElementById('detail').hidden = false;
  document.getElementById('detail-title').textContent = card.establishmentName + ' — ' + card.summary;
  exports('incidents', incidentId);
  fields([['Incident', card.incidentId], ['Révision', card.revision + ' (' + card.kind + ')'], ['FINESS ET', card.finessEt],
    ['Région ARS', card.regionCode], ['Qualification', card.legalQualification], ['Malveillance', card.maliciousness],
    ['Sévérité', card.severity], ['Catégorie', card.category], ['Prestataire', card.provider], ['TLP', card.tlp],
    ['RSIT', card.rsitClass ? card.rsitClass + ' / ' + card.rsitType : null], ['Détecté', card.detectedAt],
    ['Statut', card.status], ['Description', card.description], ['Campagnes', detail.campaignIds.join(', ') || null]]);
  deadlinesShown = card.deadlines;
  renderDeadlines();
  const reasons = document.getElementById('detail-reasons');
  reasons.replaceChildren(...card.reasons.map(reason => el('li', reason)));
  document.getElementById('detail-list-title').textContent = 'Révisions';
  document.getElementById('detail-list').replaceChildren(...detail.revisions.map(revision =>
    el('li', 'Révision ' + revision.revision + ' (' + revision.kind + ') reçue le '
      + new Date(revision.receivedAt).toLocaleString('fr-FR') + ' : ' + revision.severity)));
}

async function showCampaign(campaignId) {
  const campaign = await json('/api/campaigns/' + encodeURIComponent(campaignId));
  document.getElementById('detail').hidden = false;
  document.getElementById('detail-title').textContent = 'Campagne ' + campaign.rule + ' — ' + campaign.key;
  exports('campaigns', campaignId);
  fields([['Campagne', campaign.campaignId], ['État', campaign.state], ['Établissements', campaign.establishments],
    ['Régions', campaign.regionCodes.join(', ')], ['Premier', campaign.firstSeen], ['Dernier', campaign.lastSeen],
    ['Sévérité max.', campaign.highestSeverity]]);
  deadlinesShown = [];
  renderDeadlines();
  document.getElementById('detail-reasons').replaceChildren();
  document.getElementById('detail-list-title').textContent = 'Membres (' + campaign.members.length + ')';
  document.getElementById('detail-list').replaceChildren(...campaign.members.map(member => {
    const item = el('li', member.establishmentName + ' (' + member.finessEt + ', région ' + (member.regionCode || '—') + ') · '
      + member.category + ' · ' + member.severity);
    item.addEventListener('click', () => showIncident(member.incidentId));
    return item;
  }));
}

function connect() {
  if (source) source.close();
  source = new EventSource('/api/stream?' + query());
  const live = document.getElementById('live');
  source.onopen = () => { live.textContent = 'en direct'; live.className = 'live'; };
  source.onerror = () => { live.textContent = 'hors ligne'; live.className = 'live off'; };
  source.addEventListener('verdict', event => showVerdict(JSON.parse(event.data), true));
  source.addEventListener('campaign', event => showCampaignItem(JSON.parse(event.data)));
}

// Filters can change faster than the board answers: only the latest reload may fill the table.
let reloads = 0;

async function reload() {
  const mine = ++reloads;
  rows.clear();
  document.getElementById('verdicts').replaceChildren();
  connect();
  const cards = await json('/api/incidents?' + query());
  if (mine !== reloads) return;
  cards.reverse().filter(card => !rows.has(card.incidentId)).forEach(card => showVerdict(card, false));
}

async function start() {
  const vocabulary = await json('/api/vocabulary');
  const form = document.getElementById('filters');
  for (const [name, values] of Object.entries(vocabulary)) {
    for (const value of values) form.elements[name].append(new Option(value, value));
  }
  form.addEventListener('change', reload);
  form.elements.provider.addEventListener('input', reload);
  form.addEventListener('submit', event => event.preventDefault());
  const campaigns = await json('/api/campaigns');
  campaigns.reverse().forEach(showCampaignItem);
  await reload();
  setInterval(renderDeadlines, 30000);
}

start();
