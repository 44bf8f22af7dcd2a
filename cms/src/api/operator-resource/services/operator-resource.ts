import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::operator-resource.operator-resource');
