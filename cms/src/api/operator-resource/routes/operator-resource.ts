import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::operator-resource.operator-resource');
