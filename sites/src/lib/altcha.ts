import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/it';
import ShaWorker from 'altcha/workers/sha?worker';

/** The proof-of-work widget of the hubs' forms (components/HubForm.astro): its CSP-safe build, its SHA worker. */
$altcha.algorithms.set('SHA-256', () => new ShaWorker());
