import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::thematic-area.thematic-area');
