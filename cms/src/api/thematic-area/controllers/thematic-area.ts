import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::thematic-area.thematic-area');
