import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::operator-resource.operator-resource');
